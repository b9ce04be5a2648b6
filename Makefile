# Run `make help` for the targets. The two that a new machine needs: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
STATE := .state
MODEL := models/assistant.tar.gz
PIPELINE_MARKER := $(STATE)/nlp-pipeline
# What shapes the trained model (answer thresholds in bot/answering.py apply at run time).
TRAINING_INPUTS := config.yml domain.yml $(shell find data -name '*.yml') \
	$(wildcard components/*.py) bot/language.py bot/user_text.py

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help install train run shell test test-unit validate test-stories test-integration \
	mutation mutation-report domain responses demo draft-example browser forget expire-drafts report bench \
	bench-pipelines bench-nlu bench-interview bench-agreements lock clean FORCE

help: ## Show the targets and what they do
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-17s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(VENV)/.installed $(PIPELINE_MARKER) ## Create .venv (Python 3.10) and install the locked dependencies and the Dutch pipeline

$(VENV)/.installed: requirements.lock scripts/install.sh
	bash scripts/install.sh
	@touch $@

# Records which spaCy pipeline is installed; rewritten only when that changes, so a change of
# pipeline (and nothing else) makes the model train again.
$(PIPELINE_MARKER): $(VENV)/.installed FORCE
	@mkdir -p $(STATE)
	@$(PY) -m bot.language > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

train: install $(MODEL) ## Train the model when the training data, config or pipeline changed

$(MODEL): $(TRAINING_INPUTS) $(PIPELINE_MARKER)
	RASA_CACHE_DIRECTORY=$(STATE)/rasa-cache/$$(cat $(PIPELINE_MARKER)) \
		$(RASA) train --fixed-model-name assistant --out models
	@touch $@

run: train ## Install and train what is missing, then serve the bot (REST channel and widget on :5005)
	$(PY) scripts/serve.py

shell: train ## Chat with the bot in the terminal (starts the action server too)
	$(PY) scripts/serve.py --shell

demo: ## Run an example interview against the running bot (start it first with `make run`)
	$(PY) scripts/demo_interview.py

draft-example: install ## Write the example draft (Word and Markdown) to results/example
	$(PY) -m bot.draft.example results/example

forget: install ## Delete a conversation, its drafts and its texts in the report data on request: make forget CONVERSATION=<id>
	@test -n "$(CONVERSATION)" || { echo "Name the conversation: make forget CONVERSATION=<id>"; exit 2; }
	$(PY) -m bot.privacy forget "$(CONVERSATION)"

expire-drafts: install ## Delete drafts older than DRAFT_RETENTION_DAYS and report data older than REPORT_RETENTION_DAYS (run daily, e.g. from cron)
	$(PY) -m bot.privacy expire

report: install ## Write the content owners' report (Markdown and charts): make report FROM=2025-09-01 TO=2025-09-30 [OUT=folder]
	@test -n "$(FROM)" -a -n "$(TO)" || { echo "Name the period: make report FROM=2025-09-01 TO=2025-09-30"; exit 2; }
	$(PY) -m bot.feedback.report "$(FROM)" "$(TO)" $(if $(OUT),"$(OUT)")

domain: install ## Regenerate the interview's slots, form and ask actions in domain.yml from bot/interview/catalogue.yml
	$(PY) scripts/interview_domain.py domain.yml

responses: install ## Regenerate data/responses/faq.yml from bot/sources and bot/knowledge
	$(PY) -m bot.knowledge.responses data/responses/faq.yml

test: install ## Run every test: unit, data validation, training, conversations, held-out NLU, integration
	$(MAKE) test-unit
	$(MAKE) validate
	$(MAKE) train
	$(MAKE) test-stories
	$(MAKE) test-integration

test-unit: install ## pytest for bot/, actions/, components/ and channels/ (no model needed), with branch coverage per package (at least 90%)
	@mkdir -p $(STATE)/coverage
	$(PY) -m pytest -m "not integration" --cov --cov-report=
	$(PY) scripts/coverage_report.py

validate: install ## rasa data validate, warnings counted as failures
	$(RASA) data validate --fail-on-warnings

test-stories: train ## Conversation tests (tests/test_stories.yml), failing on any wrong prediction
	$(RASA) test core --stories tests/test_stories.yml --model $(MODEL) \
		--fail-on-prediction-errors --out $(STATE)/results/stories

test-integration: train browser ## Held-out NLU check, end-to-end tests against the running servers, the widget in Chromium
	$(PY) -m pytest -m integration

mutation: install ## Mutation testing with the unit tests (hours the first time, then incremental); shard with MODULE="bot.answering channels.rest"
	$(PY) scripts/mutation.py run $(MODULE)

mutation-report: ## Score per module and the surviving mutants of the last `make mutation` [MODULE=...]
	@$(PY) scripts/mutation.py report $(MODULE)

browser: ## Install what the widget's browser tests need: Chromium (Debian's package) and axe-core (npm)
	@command -v chromium >/dev/null || $(SUDO) apt-get install -y -q chromium \
		|| { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }
	@test -f tests/browser/node_modules/axe-core/axe.min.js \
		|| npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

bench: train ## Benchmark quality, latency, throughput, training and memory beside stock Rasa (about 6 min)
	$(PY) -m bench.run

bench-pipelines: train ## What each pipeline and policy choice costs: linear vs neural classifiers, rules vs default policies
	$(PY) -m bench.pipelines

bench-interview: train ## Held-out interview conversations: the share that reaches a correct draft
	$(PY) -m bench.interview_heldout --show-failures

bench-nlu: train ## Held-out NLU quality of the assistant and of a BM25 search over the FAQ text
	$(PY) -m bench.nlu_quality

bench-agreements: install ## The agreement check on the held-out agreements: per-topic precision and recall of "covered", time per document
	$(PY) -m bench.agreement_check --out results/bench/agreements.md

lock: ## Re-resolve requirements.in into requirements.lock (needs the package index)
	bash scripts/lock.sh

clean: ## Remove the trained model, caches and the local state (conversations!)
	rm -rf models $(STATE) .pytest_cache

FORCE:
