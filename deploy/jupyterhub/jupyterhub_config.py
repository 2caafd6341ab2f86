# 消保工坊 behind JupyterHub: each trainee logs in (one shared workshop password) and lands on
# the trainee app of their own single-user server, joined under their hub user name.
#
#   KIT_HUB_PASSWORD=… KIT_DB_URL=postgresql+psycopg://kit@db/kit \
#     .venv/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
#
# Every setting an IT team may change is an environment variable (defaults in brackets):
#   KIT_HUB_PASSWORD     the shared password, 8 characters or more (required)
#   KIT_DB_URL           the kit's store, shared by every trainee's server (PostgreSQL)
#   KIT_WORKSHOP_CODE    the session's join code: trainees are joined into it on arrival;
#                        without it they type the code (their name comes from the hub)
#   KIT_HUB_INSTRUCTOR_USERS     hub user names of the instructors (comma list) []: they log in
#                        only with KIT_HUB_INSTRUCTOR_PASSWORD (32 characters or more; the hub's
#                        admin password), are put in the instructors' group, and open the console
#                        with the code alone. Without them, instructors use the code and the key.
#   KIT_HUB_INSTRUCTORS  the name of that hub group [kit-instructors]
#   KIT_HUB_IP, KIT_HUB_PORT        where the proxy listens [127.0.0.1, 8000]; nginx in front
#                                   terminates TLS (docs/deploy.md)
#   KIT_HUB_API_PORT, KIT_HUB_PROXY_API_PORT   the hub's and the proxy's own API [8081, 8001]
#   KIT_HUB_STATE        the hub's database, cookie secret and trainees' home directories [var/hub]
#   KIT_HUB_SPAWN_LIMIT  servers starting at once (more wait with HTTP 429) [50]
#   KIT_HUB_CULL_SECONDS idle servers are stopped after this long [3600]
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides it)

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
STATE = Path(os.environ.get("KIT_HUB_STATE", REPO / "var" / "hub"))
STATE.mkdir(parents=True, exist_ok=True)
INSTRUCTORS = os.environ.get("KIT_HUB_INSTRUCTORS", "kit-instructors")

# -- who may log in: one password for the workshop ------------------------------------------
# Anyone with the password can log in under any user name (JupyterHub documents this
# authenticator "for short-term deployments like workshops"). The kit's own join binding still
# holds: a hub user is one participant, and the console needs the instructor key or the group.
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["KIT_HUB_PASSWORD"]
c.Authenticator.allow_all = True
# The instructors are the hub's admin users: the shared-password authenticator lets an admin
# name log in only with the admin password, so nobody with the trainees' password can log in
# under an instructor's name (and reach that instructor's server). They are also put in the
# instructors' group, which is what the kit checks.
INSTRUCTOR_USERS = [u.strip() for u in os.environ.get("KIT_HUB_INSTRUCTOR_USERS", "").split(",")
                    if u.strip()]
if INSTRUCTOR_USERS:
    c.Authenticator.admin_users = set(INSTRUCTOR_USERS)
    c.SharedPasswordAuthenticator.admin_password = os.environ["KIT_HUB_INSTRUCTOR_PASSWORD"]
    c.JupyterHub.load_groups = {INSTRUCTORS: {"users": INSTRUCTOR_USERS}}

# -- where: the proxy (configurable-http-proxy, Debian node-configurable-http-proxy) ---------
c.JupyterHub.bind_url = (f"http://{os.environ.get('KIT_HUB_IP', '127.0.0.1')}:"
                         f"{os.environ.get('KIT_HUB_PORT', '8000')}")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("KIT_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('KIT_HUB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
# Debian's proxy finds its modules in /usr/share/nodejs; a Node.js from elsewhere (NodeSource)
# does not look there unless told.
if Path("/usr/share/nodejs").is_dir():
    os.environ.setdefault("NODE_PATH", "/usr/share/nodejs")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")

# -- each trainee's server: the kit's trainee page is the landing page ------------------------
# SimpleLocalProcessSpawner runs every server as the hub's own system user: right for a
# rehearsal or a locked-down VM per session; use SystemdSpawner or DockerSpawner to give each
# trainee their own system user or container.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(REPO)
c.Spawner.default_url = "/voila/render/exercises/trainee.ipynb"
# The same Voilà settings as `kit serve` (kit/jupyter/config/voila.json), in
# singleuser/jupyter_server_config.json: the kit template, no tracebacks, no front-end
# extension the trainee page does not use, 30 s for a cell's output, idle kernels culled, and
# no MathJax (Voilà under Jupyter Server would fetch it from a CDN; the kit's pages load
# nothing from outside the server).
c.Spawner.args = []
if os.geteuid() == 0:  # a rehearsal or CI container run as root (never on a shared machine)
    c.Spawner.args.append("--allow-root")
c.Spawner.start_timeout = 120
# A trainee whose server was culled (or an instructor opening the console link) gets it started
# again by opening any of its pages, instead of a "Server not running" page with a button.
c.JupyterHub.implicit_spawn_seconds = 1
c.Spawner.http_timeout = 120


def _instructor(spawner):
    """``1`` for a member of the instructors' group: the console opens without the key."""
    return "1" if any(g.name == INSTRUCTORS for g in spawner.user.groups) else ""


c.Spawner.environment = {
    # The spawner sets JUPYTERHUB_USER; Voilà passes it into the kernel, and the trainee page
    # joins under that name. (The kit's own ?t= token is a different thing from the hub's
    # API tokens, which JupyterHub 5+ refuses in URLs.)
    "KIT_DB_URL": os.environ.get("KIT_DB_URL", f"sqlite:///{REPO / 'var' / 'kit.sqlite3'}"),
    "KIT_DATA_DIR": str(REPO / "data"),
    "KIT_WORKSHOP_CODE": os.environ.get("KIT_WORKSHOP_CODE", ""),
    "KIT_HUB_INSTRUCTOR": _instructor,
    "JUPYTER_PATH": str(REPO / "kit" / "jupyter"),
    "JUPYTER_CONFIG_PATH": str(Path(__file__).resolve().parent / "singleuser"),
}

# -- limits and culling -------------------------------------------------------------------
# JupyterHub's default is 100 servers starting at once; a room arriving together stays under
# what the machine can start in parallel, the rest wait a moment (HTTP 429, then retry).
c.JupyterHub.concurrent_spawn_limit = int(os.environ.get("KIT_HUB_SPAWN_LIMIT", "50"))
c.JupyterHub.active_server_limit = 0
CULL = os.environ.get("KIT_HUB_CULL_SECONDS", "3600")
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={CULL}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
