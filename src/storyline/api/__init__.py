"""The read-only JSON API over a built store: routes (``routes``, ``reader``), the
bodies they declare (``models``, over ``storyline.serialize``'s event JSON), the
payloads they share with the web pages (``queries``, ``highlight``) and the request's
store (``deps``). ``storyline.server.create_app`` serves it beside the pages.
"""
