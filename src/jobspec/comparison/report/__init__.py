"""What a comparison reports: its rows (for the human formats) and its JSON contract."""
