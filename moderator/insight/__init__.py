"""Insight: how far the model agrees with the team, which threshold to trust, what the team did."""
