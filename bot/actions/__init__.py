"""Custom actions for the DigiHulp bot (rasa_sdk action server)."""
