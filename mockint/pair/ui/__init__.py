"""Screens of the pair mode's app processes."""
