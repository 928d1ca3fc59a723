"""Renderers: turn the validated spec into documents."""
