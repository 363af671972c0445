"""The ``finmatch`` command (CONTRACT §0): up, serve, migrate, demo, openapi."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import secrets
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI
from pydantic import ValidationError

from kit.settings import PROCESS_NAMES, Settings

EMBEDDED_DATABASE = "finmatch"


def settings_class(name: str) -> type[Settings]:
    """What process ``name`` reads from the environment: the shared settings and its own."""
    if name == "gateway":
        from gateway.settings import GatewaySettings

        return GatewaySettings
    if name == "credit_push":
        from services.credit_push.settings import CreditPushSettings

        return CreditPushSettings
    return Settings


def _app(name: str, settings: Settings) -> FastAPI:
    """Process ``name``'s app; ``settings`` are of :func:`settings_class` (``name``)."""
    if name == "gateway":
        from gateway.app import create_app as create_gateway
        from gateway.settings import GatewaySettings

        assert isinstance(settings, GatewaySettings), "the gateway reads GatewaySettings"
        return create_gateway(settings)
    if name == "credit_push":
        from services.credit_push.app import create_app
    elif name == "guarantee":
        from services.guarantee.app import create_app
    else:
        from services.loan_match.app import create_app
    app: FastAPI = create_app(settings)
    return app


def app_for(name: str, **values: Any) -> FastAPI:
    """Process ``name``'s app, its settings class given ``values`` (the rest from the environment)."""
    return _app(name, settings_class(name)(**values))


@contextmanager
def database_url(settings: Settings) -> Iterator[str]:
    """FINMATCH_DATABASE_URL, or an embedded PostgreSQL with its data under ./var/ for the duration."""
    if settings.database_url:
        yield settings.database_url
        return
    from deploy.embedded_pg import EmbeddedPostgres, ensure_database_sync

    server = EmbeddedPostgres(Path("var") / "pgdata")
    print(
        "finmatch: FINMATCH_DATABASE_URL is unset; starting the embedded PostgreSQL in ./var/pgdata",
        file=sys.stderr,
    )
    server.start()
    try:
        ensure_database_sync(server.url("postgres"), EMBEDDED_DATABASE)
        yield server.url(EMBEDDED_DATABASE)
    finally:
        server.stop()


def cmd_migrate(_: argparse.Namespace) -> int:
    from kit.migrations import upgrade

    with database_url(Settings()) as url:
        asyncio.run(upgrade(url))
    print("finmatch: migrations applied", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kit.http import SERVER_KEEP_ALIVE_S
    from kit.logs import configure_logging

    settings = settings_class(args.name)()
    configure_logging(args.name, settings.log_level, settings.log_format)
    try:
        app = _app(args.name, settings)
    except RuntimeError as exc:  # a setting that must be given is missing
        print(f"finmatch serve {args.name}: {exc}", file=sys.stderr)
        return 2
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port_of(args.name),
        log_config=None,
        loop=event_loop(),
        timeout_graceful_shutdown=5,
        timeout_keep_alive=SERVER_KEEP_ALIVE_S,
    )
    return 0


def event_loop() -> Literal["uvloop", "asyncio"]:
    """uvloop when installed (a dependency: socket I/O and callbacks in C, bench/README.md
    "Profiles: platform"), else asyncio's own loop, which answers the same."""
    return "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"


def _interrupt(signum: int, _: object) -> None:
    raise KeyboardInterrupt


def cmd_up(args: argparse.Namespace) -> int:
    # Until the supervisor takes over signals, SIGTERM unwinds like Ctrl-C, so an embedded
    # PostgreSQL started for this run is stopped even when we are stopped while migrating.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _up(args)
    except KeyboardInterrupt:
        return 0


def _up(args: argparse.Namespace) -> int:
    from deploy.supervisor import Supervisor
    from kit.migrations import upgrade

    base = Settings()
    for name in PROCESS_NAMES:  # a bad FINMATCH_* value stops us here, before anything starts
        settings_class(name)()
    env = dict(os.environ)
    # The admin key is shared; make it up when unset (each process's signing key: deploy.supervisor).
    admin_key_generated = "FINMATCH_ADMIN_KEY" not in env
    env.setdefault("FINMATCH_ADMIN_KEY", "fmadmin_" + secrets.token_urlsafe(24))
    with database_url(base) as url:
        env["FINMATCH_DATABASE_URL"] = url
        asyncio.run(upgrade(url))
        settings = Settings(database_url=url)
        supervisor = Supervisor(settings, env)
        supervisor.install_signal_handlers()
        supervisor.start()
        try:
            healthy = supervisor.wait_healthy()
            supervisor.log_router.started(ok=healthy)
            if not healthy:
                if supervisor.stop_requested:
                    return 0
                print("finmatch: the platform did not become healthy; stopping", file=sys.stderr)
                return 1
            gateway = settings.url_of("gateway")
            demo_loaded = False
            if args.demo:
                demo_loaded = _load_demo(gateway, env["FINMATCH_ADMIN_KEY"])
            elif admin_key_generated:
                print(
                    f"Admin key (FINMATCH_ADMIN_KEY, this run only): {env['FINMATCH_ADMIN_KEY']}", flush=True
                )
            print(banner(gateway, demo_loaded=args.demo and demo_loaded), flush=True)
            return supervisor.run_until_stopped()
        finally:
            supervisor.stop()


def banner(gateway: str, *, demo_loaded: bool) -> str:
    """What a newcomer reads once everything answers; after it, only warnings and errors."""
    from deploy.demo import ENV_FILE
    from deploy.supervisor import LOG_FILE

    keys = f"{ENV_FILE} (load them with: . {ENV_FILE})" if demo_loaded else "none (run `finmatch up --demo`)"
    rows = [
        ("Gateway", gateway),
        ("API docs", f"{gateway}/docs"),
        ("Console", f"{gateway}/console{'' if _answers(gateway + '/console') else ' (once available)'}"),
        ("Demo keys", keys),
        ("Logs", f"{LOG_FILE} (here: warnings and errors only)"),
        ("Stop", "Ctrl-C"),
    ]
    width = max(len(label) for label, _ in rows)
    return "\n".join(["", "finmatch is up.", *(f"  {label:<{width}}  {value}" for label, value in rows), ""])


def _load_demo(gateway: str, admin_key: str) -> bool:
    """The demo into the running platform; if it fails, say why and keep the platform up."""
    import httpx

    from deploy import demo
    from deploy.demo_steps import DemoError

    try:
        print(demo.run(gateway, admin_key), flush=True)
    except (httpx.HTTPError, DemoError) as exc:
        print(f"finmatch: the demo data could not be loaded: {exc}", file=sys.stderr, flush=True)
        return False
    except Exception as exc:  # a bug in the demo must not take the running platform down
        print(f"finmatch: the demo failed ({type(exc).__name__}: {exc})", file=sys.stderr, flush=True)
        return False
    return True


def _answers(url: str) -> bool:
    import httpx

    try:
        return httpx.get(url, timeout=2.0).status_code < 400
    except httpx.HTTPError:
        return False


def cmd_demo(_: argparse.Namespace) -> int:
    """Load the demo into a running platform (FINMATCH_GATEWAY_URL or host:port, FINMATCH_ADMIN_KEY)."""
    import httpx

    from deploy import demo
    from deploy.demo_steps import DemoError

    admin_key = os.environ.get("FINMATCH_ADMIN_KEY")
    if not admin_key:
        print("finmatch demo: set FINMATCH_ADMIN_KEY to the platform's admin key", file=sys.stderr)
        return 2
    gateway = Settings().url_of("gateway")
    try:
        print(demo.run(gateway, admin_key), flush=True)
    except (httpx.HTTPError, DemoError) as exc:
        print(f"finmatch demo: {gateway}: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    from deploy.openapi_gen import check, write

    out = Path(args.dir)
    if args.check:
        drift = check(out)
        for name in drift:
            print(f"openapi/{name}.json differs from the code; run `make openapi`", file=sys.stderr)
        return 1 if drift else 0
    write(out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="finmatch", description="Gansu SME financing-matching platform")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="migrate, then run the gateway and the three services until Ctrl-C")
    up.add_argument(
        "--demo", action="store_true", help="load demo data through the public API and print keys"
    )
    up.set_defaults(func=cmd_up)
    serve = sub.add_parser("serve", help="run one process")
    serve.add_argument("name", choices=PROCESS_NAMES)
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="apply every migration").set_defaults(func=cmd_migrate)
    sub.add_parser(
        "demo", help="load the Gansu demo data into a running platform through its public API"
    ).set_defaults(func=cmd_demo)
    gen = sub.add_parser("openapi", help="write openapi/*.json from the code")
    gen.add_argument("--dir", default="openapi")
    gen.add_argument("--check", action="store_true", help="exit 1 when the files differ from the code")
    gen.set_defaults(func=cmd_openapi)
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except ValidationError as exc:  # a FINMATCH_* setting with a value it cannot take
        for error in exc.errors():
            field = "FINMATCH_" + "_".join(str(part) for part in error["loc"]).upper()
            print(f"finmatch: {field}: {error['msg']}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":
    sys.exit(main())
