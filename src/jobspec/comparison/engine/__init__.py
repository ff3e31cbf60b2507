"""The matching engine for two posts: item features, scores, one-to-one assignment, word diffs,
post details and the settings that decide a match."""
