"""Editions: the day's (or week's) stories as one page, feed item and email."""
