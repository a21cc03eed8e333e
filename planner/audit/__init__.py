"""The district check-up (社区体检): every community of a street or district checked in one
run, with the gap list (补短板清单), district totals and the share of communities meeting
each item. Pure core: the command line (``planner audit``) and the app call these.

    from planner.audit import AuditOptions, run_audit, summarise
    audit = run_audit(["街道/"], AuditOptions(jobs=2))
    summary = summarise(audit)
    summary.rows[0].gaps[0].text      # "社区综合服务站 缺 650 m²"
"""

from planner.audit.run import Audit, AuditOptions, run_audit

__all__ = ["Audit", "AuditOptions", "run_audit"]
