"""Many posts at once: pooled vectors, block scoring, clusters, near-duplicates and outliers."""
