"""URL spelling: one canonical form per page, for dedup keys, Atom links and duplicate checks.

Owns only `canonical_url` and the list of tracking parameters it drops; pure, no internal imports,
so every layer that compares URLs (normalize, configedit, the pipeline) uses the same rule.
"""

from __future__ import annotations

from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({
    "spm", "from", "isappinstalled", "scene", "clicktime", "wfr", "share_token", "fbclid",
    "gclid", "yclid", "_hsenc", "_hsmi", "mc_cid", "mc_eid", "srcid", "sharer_shareinfo",
    "sharer_shareinfo_first",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# characters quote() leaves alone: everything legal in a path/query, and existing %XX escapes
_SAFE = "/%:@!$&'()*+,;=-._~?"


def canonical_url(url: str) -> str:
    """One spelling per page, for dedup keys and Atom links.

    Lower-cases scheme and host, drops the default port, the fragment (except
    ``#!…``/``#/…`` routes, which address content on single-page portals) and
    tracking parameters (``utm_*``, ``spm``, ``from`` … see TRACKING_PARAMS),
    keeps the other parameters in their original order (sorting breaks some
    sites), percent-encodes non-ASCII characters, and gives an empty path "/".
    Anything that is not http(s) comes back stripped but otherwise unchanged.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        pass
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username is not None:
        auth = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{auth}@{netloc}"
    path = quote(parts.path, safe=_SAFE) or "/"
    kept = [p for p in parts.query.split("&") if p and not _is_tracking(p)]
    query = quote("&".join(kept), safe=_SAFE + "=")
    fragment = parts.fragment if parts.fragment[:1] in ("!", "/") else ""
    return urlunsplit((scheme, netloc, path, query, quote(fragment, safe=_SAFE + "#")))


def _is_tracking(param: str) -> bool:
    name = unquote_plus(param.split("=", 1)[0]).strip().lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS
