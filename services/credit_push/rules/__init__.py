"""The pure rules of credit_push: no I/O, no HTTP, no database; each is tested on its own
(tests/unit/credit_push/test_<module>.py).

``ratings`` checks an upload and plans what it stores, ``rating_files`` reads a CSV or .xlsx
body into items, ``rating_years`` which evaluation years are current, ``entitlement`` decides
who may see an enterprise and which events follow, ``blacklist`` the 红黑榜's dates, ``access``
what the access log records, ``validity`` last valid days, ``events`` an event as banks see it,
``urls`` which webhook URLs are acceptable by their shape and address, ``retries`` what happens
after a webhook attempt.
"""
