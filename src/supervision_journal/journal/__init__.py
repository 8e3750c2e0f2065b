"""Clients, sessions and their sections, approvals, reflections, supervision sessions, search."""
