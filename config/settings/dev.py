from .base import *  # noqa: F403
from .base import env_bool

# Off unless asked (`make run DEBUG=1`): the demo shows what users see, not Django's debug pages.
DEBUG = env_bool("DEBUG", False)
