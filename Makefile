# Partnership Portal — everyday commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORTAL_PORT ?= 8000
# The address the demo serves, which every absolute link (emails, feeds, sitemap) names.
DEMO_BASE_URL ?= http://$(HOST):$(PORTAL_PORT)
ENGINE ?= database
PYTEST_WORKERS ?= 2
POSTGRES_TEST_URL ?= postgres://portal:portal@127.0.0.1:5432/portal
SEARCH_ENGINE_PORT ?= 9200
# OpenSearch release of the local nodes: 2 (2.19.6, the default), 3 (3.9.0) or a full
# version; SEARCH_ENGINE_VERSION, when set, wins.
OPENSEARCH ?= 2
ENGINE_SCRIPT_ENV = OPENSEARCH=$(OPENSEARCH) SEARCH_ENGINE_PORT=$(SEARCH_ENGINE_PORT)
# With ENGINE=opensearch (or elasticsearch, for an Elasticsearch node) the demo
# searches through the engine on SEARCH_ENGINE_PORT instead of the database.
ENGINE_ENV = PORTAL_SEARCH_BACKEND=engine SEARCH_ENGINE_FLAVOUR=$(if $(filter database,$(ENGINE)),opensearch,$(ENGINE)) \
	SEARCH_ENGINE_URLS=http://127.0.0.1:$(SEARCH_ENGINE_PORT)

.DEFAULT_GOAL := help
.PHONY: help install demo serve messages lint check test test-sqlite test-postgres \
	constraints search-engine search-engine-background search-engine-stop search-sync clean \
	test-engine search-cluster search-cluster-stop search-cluster-drill test-workers

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed ## Create the virtual environment and install pinned dependencies

messages: install ## Compile the Arabic and French translation catalogues
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

# The demo runs on the development settings, whose background tasks run inline
# (PORTAL_TASKS_BACKEND=immediate): nothing to start besides the server.
demo: export PORTAL_BASE_URL = $(DEMO_BASE_URL)
demo: install messages ## Migrate, load demo content and serve on http://127.0.0.1:8000 (HOST=, PORTAL_PORT= to change; ENGINE=opensearch to use the engine)
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_demo
	@if [ "$(ENGINE)" != "database" ]; then $(ENGINE_ENV) $(MANAGE) search_rebuild; fi
	@echo "Serving the portal at $(DEMO_BASE_URL)/ — admin at $(DEMO_BASE_URL)/admin/ (links in emails, feeds and the sitemap name this address)"
	@echo "No task worker in the demo: emails (printed here), notifications and search updates run inline, right after each save."
	@if [ "$(ENGINE)" != "database" ]; then $(ENGINE_ENV) $(MANAGE) runserver $(HOST):$(PORTAL_PORT); \
	else $(MANAGE) runserver $(HOST):$(PORTAL_PORT); fi

lint: install ## Check formatting and lint rules
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

check: install messages ## Django system checks and missing migrations
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

test: lint check node_modules/.installed test-sqlite test-postgres ## Run every suite (SQLite, then PostgreSQL)

test-sqlite: install messages
	@echo "== Test suite on SQLite =="
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS)

test-postgres: install messages
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(POSTGRES_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL =="; \
		DATABASE_URL=$(POSTGRES_TEST_URL) $(VENV)/bin/pytest -n $(PYTEST_WORKERS); \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(POSTGRES_TEST_URL), and CI needs it."; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL suite — no server at $(POSTGRES_TEST_URL)."; \
		echo "         Start one (README, 'PostgreSQL') or set POSTGRES_TEST_URL."; \
	fi

search-engine: ## Run an OpenSearch node in the foreground, Ctrl-C stops it (OPENSEARCH=3 for 3.x)
	$(ENGINE_SCRIPT_ENV) search/engine/start.sh

search-engine-background: ## Start an OpenSearch node detached; waits until it is healthy
	$(ENGINE_SCRIPT_ENV) search/engine/start-background.sh

search-sync: install ## Keep pushing pending search changes to the engine (a worker)
	$(ENGINE_ENV) $(MANAGE) search_sync --loop --interval 5

search-engine-stop: ## Stop the OpenSearch node on SEARCH_ENGINE_PORT
	$(ENGINE_SCRIPT_ENV) search/engine/stop.sh

test-engine: install messages ## Only the engine-flavoured search tests, against the node on SEARCH_ENGINE_PORT
	SEARCH_ENGINE_URL=http://127.0.0.1:$(SEARCH_ENGINE_PORT) $(VENV)/bin/pytest tests/search \
		-m "engine and not cluster" -n $(PYTEST_WORKERS)

test-workers: install messages ## Two web processes and two task workers at once, on PostgreSQL and the engine
	DATABASE_URL=$(POSTGRES_TEST_URL) SEARCH_ENGINE_URL=http://127.0.0.1:$(SEARCH_ENGINE_PORT) \
		$(VENV)/bin/pytest tests/portal/test_worker_processes.py -p no:xdist -q

search-cluster: ## Start a three-node OpenSearch cluster on ports 9211-9213; waits until green
	OPENSEARCH=$(OPENSEARCH) search/engine/cluster.sh start

search-cluster-stop: ## Stop the three-node cluster
	OPENSEARCH=$(OPENSEARCH) search/engine/cluster.sh stop

search-cluster-drill: install messages ## Stop and restart a cluster node under load, then rebuild; prints the figures
	SEARCH_CLUSTER_URLS=$$(search/engine/cluster.sh urls) OPENSEARCH=$(OPENSEARCH) \
		$(VENV)/bin/pytest tests/search/test_engine_cluster.py -p no:xdist -p no:cacheprovider -q

constraints: install ## Re-pin every dependency after changing requirements*.txt
	$(PIP) install --quiet -r requirements-dev.txt
	$(PIP) freeze --exclude-editable > constraints.txt

clean: ## Remove the virtual environment, local database, media and caches
	rm -rf $(VENV) db.sqlite3 var .pytest_cache .ruff_cache node_modules .cache/search-engine

# `make loadtest DATABASE_URL=postgres://…/portal_loadtest` serves the portal here with
# production settings and measures it; LOADTEST_ARGS adds --hung-smtp, --workers, …
LOADTEST_ARGS ?= --users 50 --seconds 60
.PHONY: loadtest
loadtest: install messages ## Load test the portal under gunicorn with production settings (needs DATABASE_URL)
	$(PY) -m portal.loadtest --serve $(LOADTEST_ARGS)

# `make bench DATABASE_URL=postgres://…/portal_bench` times every page type against a
# trivial view under gunicorn with production settings; BENCH_ARGS=--rounds 50 …
.PHONY: bench bench-relevance
bench: install messages ## Time each page type against a trivial view (needs a PostgreSQL DATABASE_URL)
	$(PY) -m portal.benchmark $(BENCH_ARGS)

# nDCG@10 and recall@10 of search/relevance_set.json and search/crosslanguage_set.json
# on the demo content, with and without thesaurus concepts: the database (SQLite, or
# PostgreSQL with DATABASE_URL) and, with ENGINE=opensearch, the engine on SEARCH_ENGINE_PORT.
bench-relevance: install messages ## Print nDCG@10 and recall@10 of the search relevance sets per backend
	$(if $(filter database,$(ENGINE)),,$(ENGINE_ENV)) $(PY) -m search.benchmark --relevance \
		--backend $(if $(filter database,$(ENGINE)),database,engine)
