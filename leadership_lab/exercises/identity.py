"""Who a hand-in belongs to: a stable learner id from the platform, never from the typed name.

Two learners can type the same name, and one learner can type it two ways ("Ann-Marie Li",
"Ann Marie Li"); a file name or a key built from the name lets one hand-in replace another. On a
JupyterHub the hub's user name is the id; elsewhere a random `local-<12 hex>` is made once and kept
in the progress file (see progress.ProgressStore.learner_id). The typed name is only shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import secrets

HUB_USER_ENV = "JUPYTERHUB_USER"
LOCAL_PREFIX = "local-"


def hub_user() -> str | None:
    """The JupyterHub user this server runs for, if it runs on a hub."""
    return os.environ.get(HUB_USER_ENV, "").strip() or None


def new_local_id() -> str:
    """A fresh id for a learner working outside a hub: 48 random bits, so two never meet."""
    return LOCAL_PREFIX + secrets.token_hex(6)


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits kept, everything else a dash (the site does the same)."""
    return re.sub(r"[^a-z0-9]", "-", text.lower())


def submission_file_name(chapter: str, learner_id: str, when: dt.datetime) -> str:
    """`submission-{chapter}-{slug(id)[:40]}-{sha256(id)[:8]}-{UTC time}-{4 hex}.json`.

    The hash keeps two ids whose slugs agree ("ann.lee", "ann_lee") apart; the time and the
    random tail keep every export of one learner apart.
    """
    digest = hashlib.sha256(learner_id.encode("utf-8")).hexdigest()[:8]
    stamp = when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return (
        f"submission-{chapter}-{slug(learner_id)[:40]}-{digest}-{stamp}-{secrets.token_hex(2)}.json"
    )
