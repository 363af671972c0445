"""The pure rules of credit_push: no I/O, no HTTP, no database; each is tested on its own.

``ratings`` checks an upload and plans what it stores, ``entitlement`` decides who may see an
enterprise and which events follow, ``urls`` which webhook URLs are acceptable by their shape
and address, ``retries`` what happens after a webhook attempt.
"""
