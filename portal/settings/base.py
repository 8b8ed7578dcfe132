"""Settings shared by every environment.

Everything that differs between machines comes from the environment, with safe
defaults for local use. ``production.py`` only hardens these settings.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-local-development-key")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "portal.accounts",
    "portal.moderation",
    "portal.notifications",
    "portal.comments",
    "portal.idempotency",
    "portal.pagecache",
    "portal.opendata",
    "portal.thesaurus",
    "knowledge",
    "forums",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Refuses unreadable requests before sessions and views (and the database) see them.
    "portal.request_guard.RequestGuardMiddleware",
    # Anonymous pages from the shared cache: above gzip (a page is kept as sent) and
    # the session (a hit reads neither session nor database).
    "portal.pagecache.middleware.PageCacheMiddleware",
    # Below WhiteNoise, which answers static files (precompressed) before this runs.
    # Pages hold no secret beyond the CSRF token, which Django masks per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.site_structure.SiteStructureMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://...) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people write at once: readers never wait for writers (WAL), a writer
    # takes the write lock when its transaction begins (IMMEDIATE), so no transaction
    # that has read fails when it later writes, and waits up to the timeout for the lock.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions name the backend that signed their person in: allauth's plain backend
# stays listed so sessions started before the viewer backend replaced it go on.
AUTHENTICATION_BACKENDS = [
    "portal.accounts.backends.ViewerBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: English, Arabic (right-to-left) and French.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fr", _("French")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Completes Django's Arabic formats (date with time, separators); see portal/formats/ar.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: printed to the console unless an SMTP relay is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Partnership Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds an SMTP connection may wait on the relay (connecting, then each reply):
# a relay that accepts and never answers costs the worker this, never a reader.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))

# Background work (emails, notification fan-out, search engine sync, Wagtail's own
# tasks) goes through Django's task framework. "database": tasks are rows written in
# the request's transaction and run by `manage.py db_worker`; "immediate": they run
# inline, for machines without a worker (tests, the demo).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]


def tasks_setting(backend: str) -> dict:
    backends = {
        "database": "django_tasks_db.DatabaseBackend",
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    }
    if backend not in backends:
        raise ImproperlyConfigured(
            f"PORTAL_TASKS_BACKEND must be one of {', '.join(backends)}, not {backend!r}"
        )
    return {"default": {"BACKEND": backends[backend]}}


TASKS = tasks_setting(os.environ.get("PORTAL_TASKS_BACKEND", "database"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Partnership Portal"
# The address people reach the portal at: every absolute link (emails, feeds, the
# sitemap, Open Graph, the admin) is built from it (portal/site_address.py).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No third-party requests, from the admin either: avatars are uploaded, not fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer version (the policy refuses it).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Search
# "database" (SQLite FTS5 / PostgreSQL full text, the default) or "engine"
# (Elasticsearch 8/9 or OpenSearch 2/3; the database answers while it is down).
PORTAL_SEARCH_BACKEND = os.environ.get("PORTAL_SEARCH_BACKEND", "database")
# The engine: its client ("opensearch" or "elasticsearch"), nodes (comma-separated;
# SEARCH_ENGINE_URL is accepted too), credentials (user and password, or an API
# key), TLS, the prefix of its alias and indexes, shards, replicas (1 or more in
# production) and the request timeout in seconds.
SEARCH_ENGINE_FLAVOUR = os.environ.get("SEARCH_ENGINE_FLAVOUR", "opensearch")
SEARCH_ENGINE_URLS = env_list("SEARCH_ENGINE_URLS") or env_list("SEARCH_ENGINE_URL", "http://127.0.0.1:9200")
SEARCH_ENGINE_USERNAME = os.environ.get("SEARCH_ENGINE_USERNAME", "")
SEARCH_ENGINE_PASSWORD = os.environ.get("SEARCH_ENGINE_PASSWORD", "")
SEARCH_ENGINE_API_KEY = os.environ.get("SEARCH_ENGINE_API_KEY", "")
SEARCH_ENGINE_CA_CERTS = os.environ.get("SEARCH_ENGINE_CA_CERTS", "")
SEARCH_ENGINE_VERIFY_CERTS = env_bool("SEARCH_ENGINE_VERIFY_CERTS", True)
# Client certificate and key files, for clusters that authenticate clients by TLS.
SEARCH_ENGINE_CLIENT_CERT = os.environ.get("SEARCH_ENGINE_CLIENT_CERT", "")
SEARCH_ENGINE_CLIENT_KEY = os.environ.get("SEARCH_ENGINE_CLIENT_KEY", "")
SEARCH_ENGINE_INDEX_PREFIX = os.environ.get("SEARCH_ENGINE_INDEX_PREFIX", "portal")
SEARCH_ENGINE_SHARDS = int(os.environ.get("SEARCH_ENGINE_SHARDS", "1"))
SEARCH_ENGINE_REPLICAS = int(os.environ.get("SEARCH_ENGINE_REPLICAS", "0"))
SEARCH_ENGINE_TIMEOUT = float(os.environ.get("SEARCH_ENGINE_TIMEOUT", "10"))

# Anonymous readers' pages kept in a shared cache for this many seconds (0: off),
# purged through Wagtail's frontend cache when what they show changes.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "0"))
PORTAL_PAGE_CACHE_ALIAS = "default"
# The concept scheme ``thesaurus_export`` writes; concepts keep the URIs they were imported with.
PORTAL_THESAURUS_SCHEME_URI = os.environ.get(
    "PORTAL_THESAURUS_SCHEME_URI", "https://partnership-portal.org/thesaurus/scheme"
)
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "portal.pagecache.backend.PageCacheBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Task state changes are routine; failures still show.
        "django_tasks": {"level": "WARNING"},
        # The search engine clients log a traceback per failed request; the engine
        # backend logs an outage itself, once when it starts and once when it ends.
        "opensearch": {"level": "ERROR"},
        "elastic_transport": {"level": "ERROR"},
    },
}

# Accounts: allauth sign-up with mandatory email verification, log-in by email,
# rate limits (kept in the default cache), TOTP with recovery codes, and OpenID
# Connect single sign-on for partners that run an identity provider.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
WAGTAILADMIN_LOGIN_URL = "account_login"
# A page for signed-in readers sends others to the same sign-in, not to Wagtail's own.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
ACCOUNT_ADAPTER = "portal.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Lazy, so that each email's subject names the portal in the recipient's language.
ACCOUNT_EMAIL_SUBJECT_PREFIX = format_lazy("[{}] ", _("Partnership Portal"))
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env_bool("DJANGO_SECURE", False) else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Publishing: an edit during review restarts the organisations' sign-off, and the
# signed revision is what gets published.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "portal.accounts.workflow_finish.publish_when_signed_off"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Partnership Portal"
MIDDLEWARE += [
    "portal.accounts.middleware.SecondFactorRequiredMiddleware",
]
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_STORE_TOKENS = False
# OIDC_PROVIDERS="who,iom" with OIDC_WHO_CLIENT_ID, OIDC_WHO_SECRET,
# OIDC_WHO_SERVER_URL (the issuer, whose /.well-known/openid-configuration is read)
# and optionally OIDC_WHO_NAME (the label of the log-in button).
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": name.lower(),
                "name": os.environ.get(f"OIDC_{name.upper()}_NAME", name.upper()),
                "client_id": os.environ.get(f"OIDC_{name.upper()}_CLIENT_ID", ""),
                "secret": os.environ.get(f"OIDC_{name.upper()}_SECRET", ""),
                "settings": {"server_url": os.environ.get(f"OIDC_{name.upper()}_SERVER_URL", "")},
            }
            for name in env_list("OIDC_PROVIDERS")
        ],
    }
}

# Notifications: emails are queued in the outbox, sent by the task worker and
# retried with a doubling delay.
NOTIFICATIONS_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATIONS_MAX_ATTEMPTS", "8"))
NOTIFICATIONS_RETRY_BASE_SECONDS = int(os.environ.get("NOTIFICATIONS_RETRY_BASE_SECONDS", "60"))
NOTIFICATIONS_RETRY_MAX_SECONDS = int(os.environ.get("NOTIFICATIONS_RETRY_MAX_SECONDS", str(6 * 60 * 60)))
NOTIFICATIONS_DIGEST_MAX_AGE_DAYS = int(os.environ.get("NOTIFICATIONS_DIGEST_MAX_AGE_DAYS", "7"))

# Moderation and forums
# Trust levels (portal/moderation/trust.py): what a person with no partner membership
# must show before their posts and comments stop waiting for a moderator ("member"),
# and before the posting rate limit stops applying to them ("trusted"). The former
# name of the approved-contributions threshold is still read from the environment.
PORTAL_TRUST_MEMBER_AFTER_DAYS = int(os.environ.get("PORTAL_TRUST_MEMBER_AFTER_DAYS", "0"))
PORTAL_TRUST_MEMBER_AFTER_POSTS = int(
    os.environ.get("PORTAL_TRUST_MEMBER_AFTER_POSTS", os.environ.get("PORTAL_MODERATION_HOLD_FIRST_N", "2"))
)
PORTAL_TRUST_TRUSTED_AFTER_DAYS = int(os.environ.get("PORTAL_TRUST_TRUSTED_AFTER_DAYS", "30"))
PORTAL_TRUST_TRUSTED_AFTER_POSTS = int(os.environ.get("PORTAL_TRUST_TRUSTED_AFTER_POSTS", "20"))
# At most this many posts and comments per person per period ("5/m", "30/1h"; empty: no limit).
PORTAL_POSTING_RATE_LIMIT = os.environ.get("PORTAL_POSTING_RATE_LIMIT", "5/m")

# Open data: the read API (/api/v2/), exports and the IATI file (portal/opendata).
# Rate limits per client (anonymous by address, token holders by token), kept in the
# default cache; the address is the connection's unless PORTAL_PROXY_COUNT proxies
# (e.g. 1 behind nginx) add X-Forwarded-For in front of the portal.
PORTAL_API_ANONYMOUS_RATE = os.environ.get("PORTAL_API_ANONYMOUS_RATE", "60/min")
PORTAL_API_TOKEN_RATE = os.environ.get("PORTAL_API_TOKEN_RATE", "600/min")
# A listing answers at most this many items per request; a larger ``limit`` is a 400.
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("PORTAL_API_PAGE_SIZE_MAX", "100"))
# Seconds an API answer or IATI file is kept per audience (0: not kept).
PORTAL_API_CACHE_SECONDS = int(os.environ.get("PORTAL_API_CACHE_SECONDS", "0"))
# How often a token's last use is written (seconds), and how many active tokens a person may hold.
PORTAL_API_TOKEN_TOUCH_SECONDS = int(os.environ.get("PORTAL_API_TOKEN_TOUCH_SECONDS", "300"))
PORTAL_API_TOKENS_PER_PERSON = int(os.environ.get("PORTAL_API_TOKENS_PER_PERSON", "10"))
PORTAL_EXPORT_ROWS_MAX = int(os.environ.get("PORTAL_EXPORT_ROWS_MAX", "10000"))
# The fund's IATI organisation identifier, which prefixes every activity identifier.
PORTAL_IATI_REPORTING_ORG = os.environ.get("PORTAL_IATI_REPORTING_ORG", "XI-IATI-MMPTF")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "NUM_PROXIES": int(os.environ.get("PORTAL_PROXY_COUNT", "0")),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partnership Portal API",
    "DESCRIPTION": "Briefs, lessons learned, joint actions, themes, partners, forum topics and search.",
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v2",
    "PREPROCESSING_HOOKS": ["portal.opendata.api.schema.only_open_data"],
}
