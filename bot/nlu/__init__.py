"""Our own Rasa NLU components (config.yml names them as nlu.<module>.<Class>; Rasa runs with cwd bot/)."""
