"""The reflection prompt library (resources/prompts/)."""
