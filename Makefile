# The two commands (see README): `make demo` codes the example articles into the
# embedded SQLite store and prints the events; `make test` runs the test suite.
# Both set up everything they need first (scripts/setup.sh), and nothing twice.

.PHONY: demo test setup serve

DB ?= tidings.db

setup:
	@scripts/setup.sh

demo: setup
	@.venv/bin/tidings ingest examples --db $(DB)
	@.venv/bin/tidings events --db $(DB) --format table

serve: demo
	@.venv/bin/tidings serve --db $(DB)

test:
	@scripts/setup.sh --test
	@.venv/bin/python -m pytest -q -p no:cacheprovider
