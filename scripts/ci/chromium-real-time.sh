#!/bin/sh
# Chromium for the shifted-clock CI run: libfaketime (LD_PRELOAD) makes Chromium's processes hang or exit, so the
# browser runs on the real clock, like PostgreSQL. Selected with CHROMIUM_PATH by .ci/run.
unset LD_PRELOAD FAKETIME FAKETIME_DONT_FAKE_MONOTONIC FAKETIME_DONT_RESET FAKETIME_NO_CACHE
exec /usr/bin/chromium "$@"
