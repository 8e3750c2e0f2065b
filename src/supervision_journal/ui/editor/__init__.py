"""The session note editor: one collapsible, separately undoable area per template section."""
