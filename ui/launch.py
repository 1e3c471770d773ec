"""Who may reach the page and what a client can make it do: bind, password, limits.

>>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
(True, True, False)
>>> offers_upload("0.0.0.0", app_auth=None), offers_upload("0.0.0.0", app_auth="a:b")
(False, True)
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import sys


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def offers_upload(host: str, app_auth: str | None) -> bool:
    """Adding and removing articles changes the store for everyone: only on this machine, or behind a password."""
    return is_loopback(host) or bool(app_auth)


def launch_auth(host: str, app_auth: str | None, no_auth: bool) -> tuple[str, str] | None:
    """``(user, password)`` for launch, or None; raises ``ValueError`` with a one-line reason."""
    if app_auth:
        user, sep, password = app_auth.partition(":")
        if not (sep and user and password):
            raise ValueError("APP_AUTH must look like user:password")
        return user, password
    if is_loopback(host):
        return None
    if not no_auth:
        raise ValueError(f"binding {host} (not loopback) needs APP_AUTH=user:password, or --no-auth")
    print(f"warning: serving {host} without a password (--no-auth): anyone who can reach it can ask", file=sys.stderr)
    return None


def password_check(user: str, password: str):
    """Gradio's ``auth`` callable: user and password both compared in constant time, so a wrong
    user and a wrong password take as long and get the same message."""

    def check(given_user: str, given_password: str) -> bool:
        same_user = hmac.compare_digest(given_user.encode(), user.encode())
        return same_user & hmac.compare_digest(given_password.encode(), password.encode())

    return check


def launch_limits(settings, auth: tuple[str, str] | None, upload: bool = False) -> dict:
    """``launch`` options that bound what a client can do and close what the page does not use."""
    from starlette.middleware import Middleware

    from ui.guard import LoginBackoff, RequestGuard
    from ui.heads import serve_http
    from ui.queueshare import QueueShare

    upload_bytes = int(settings.max_file_mb * 1_000_000) if upload else 0
    serve_http(settings)  # h11, with a deadline for a request's head (ui/heads.py)
    # Gradio builds uvicorn's Config without forwarded_allow_ips, so uvicorn reads this variable,
    # and by default trusts X-Forwarded-For from 127.0.0.1: any same-host client could name itself.
    os.environ["FORWARDED_ALLOW_IPS"] = settings.app_trusted_proxies
    backoff = LoginBackoff(settings.login_free_failures, max_wait_s=settings.login_max_wait_s)
    share = QueueShare(settings.app_questions_per_client, max_held=settings.app_queue_size)
    guard = Middleware(
        RequestGuard,
        max_body_bytes=settings.app_max_body_kb * 1024,
        backoff=backoff,
        upload_bytes=upload_bytes,
        upload_files=settings.max_upload_files,
        share=share,
    )
    return dict(
        auth=password_check(*auth) if auth else None,
        app_kwargs={"middleware": [guard], "openapi_url": None},  # FastAPI's own schema: the page never reads it
        max_file_size=upload_bytes,  # 0 closes Gradio's own check too when the page has no upload
        footer_links=[],
        run_history=False,
        enable_monitoring=False,
        mcp_server=False,
        pwa=False,
        ssr_mode=False,
        show_error=False,
    )
