// Security keys and passkeys (WebAuthn): a form marked data-passkey="create" or "get" asks the browser's
// navigator.credentials for the key's answer, puts it as JSON in the form's hidden "credential" field and then
// submits the form. The options come from the server in a json_script element (data-passkey-options is its id).
// Without this file (or without WebAuthn in the browser) the form still posts and the server says why nothing
// happened; the code from the app keeps working.
(() => {
  const toBytes = (text) => {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    return Uint8Array.from(atob(padded), (ch) => ch.charCodeAt(0));
  };
  const toText = (buffer) => {
    let binary = "";
    new Uint8Array(buffer).forEach((byte) => {
      binary += String.fromCharCode(byte);
    });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  const descriptors = (list) => (list || []).map((item) => ({ ...item, id: toBytes(item.id) }));

  const creationOptions = (options) => ({
    ...options,
    challenge: toBytes(options.challenge),
    user: { ...options.user, id: toBytes(options.user.id) },
    excludeCredentials: descriptors(options.excludeCredentials),
  });
  const requestOptions = (options) => ({
    ...options,
    challenge: toBytes(options.challenge),
    allowCredentials: descriptors(options.allowCredentials),
  });

  const asJson = (credential) => {
    const response = credential.response;
    const answer = { clientDataJSON: toText(response.clientDataJSON) };
    if (response.attestationObject) {
      answer.attestationObject = toText(response.attestationObject);
      answer.transports = typeof response.getTransports === "function" ? response.getTransports() : [];
    } else {
      answer.authenticatorData = toText(response.authenticatorData);
      answer.signature = toText(response.signature);
      if (response.userHandle) answer.userHandle = toText(response.userHandle);
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: answer,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
    });
  };

  const MESSAGES = {
    unsupported:
      "Deze browser kan geen beveiligingssleutel gebruiken. Gebruik een recente browser, of vul de code uit de app in.",
    cancelled:
      "Er is geen sleutel gebruikt: u heeft het afgebroken of de tijd was om. Probeer het opnieuw, of vul de code uit de app in.",
    known: "Deze sleutel is al aan uw account toegevoegd.",
    failed: "Het lukte niet om de sleutel te gebruiken. Probeer het opnieuw, of vul de code uit de app in.",
  };

  const say = (form, key) => {
    const status = form.querySelector("[data-passkey-status]");
    status.querySelector("[data-passkey-message]").textContent = MESSAGES[key];
    status.hidden = false;
    status.querySelector("[role='alert']").focus();
  };

  const ask = async (form) => {
    const kind = form.dataset.passkey;
    const options = JSON.parse(document.getElementById(form.dataset.passkeyOptions).textContent);
    const credential =
      kind === "create"
        ? await navigator.credentials.create({ publicKey: creationOptions(options) })
        : await navigator.credentials.get({ publicKey: requestOptions(options) });
    form.querySelector("input[name='credential']").value = asJson(credential);
    form.submit();
  };

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.dataset || !form.dataset.passkey) return;
    const name = form.querySelector("input[name='name']");
    if (name && !name.value.trim()) return; // the server says the name is missing
    event.preventDefault();
    if (!window.PublicKeyCredential || !navigator.credentials) {
      say(form, "unsupported");
      return;
    }
    ask(form).catch((error) => {
      if (error && error.name === "InvalidStateError") say(form, "known");
      else if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) say(form, "cancelled");
      else say(form, "failed");
    });
  });
})();
