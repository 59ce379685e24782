"""Rules a moderation lead sets (issue 14): word lists, built-in patterns, thresholds,
commenters' standing, pre-moderation. Core code: never imports Qt. docs/rules.md."""
