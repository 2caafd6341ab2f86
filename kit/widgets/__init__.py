"""Thin views over kit logic and the store. Trainee views import no pandas or plotting."""
