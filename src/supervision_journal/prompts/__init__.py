"""The reflection prompt library (resources/prompts/) and the choice of prompts to offer."""

from supervision_journal.prompts.library import (
    Prompt,
    PromptLibrary,
    PromptLibraryError,
    available_languages,
    load_library,
)
from supervision_journal.prompts.suggest import suggest

__all__ = [
    "Prompt",
    "PromptLibrary",
    "PromptLibraryError",
    "available_languages",
    "load_library",
    "suggest",
]
