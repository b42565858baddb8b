"""Matching participants and open job orders with an explainable score."""
