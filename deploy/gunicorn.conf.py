"""Gunicorn settings for the web app in production: gunicorn -c deploy/gunicorn.conf.py 'web:create_app()'.

Bind, workers and threads come from the environment (see deploy/README.md for sizing).
"""
import os

bind = os.environ.get("DIGIHULP_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("DIGIHULP_WEB_WORKERS", 4))
# Threads matter: a request mostly waits on Rasa. Serve /nlg from another instance (compose.yaml):
# when these threads all wait on Rasa, Rasa's calls to /nlg here would queue behind them.
threads = int(os.environ.get("DIGIHULP_WEB_THREADS", 8))
worker_class = "gthread"
# Longer than the web app's Rasa timeout (3.5 s), so a slow bot gives the kind message, not a 502.
timeout = 30
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests: a cap on slow growth we have not seen but cannot rule out.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
# No client address and no query string: the log keeps as little about visitors as it can.
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
