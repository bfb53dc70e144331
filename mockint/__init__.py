"""mockint: a terminal mock-interview simulator for AI/ML engineer interviews."""

__version__ = "0.1.0"
