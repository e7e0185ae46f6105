"""Offline replicas of five real government portals (filled in below)."""
