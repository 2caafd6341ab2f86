"""``python -m kit verify CODE``: is a certificate genuine?"""

from __future__ import annotations

import argparse

from kit.i18n import N_, _

HELP = N_("核验合格证书的验证码")

VERDICTS = {
    "unknown": N_("✗ 不是真实证书:存储中没有这个验证码(可能是伪造的,或验证码抄错了)。"),
    "altered": N_("✗ 不是真实证书:证书记录与验证码不符,记录可能被改动过。"),
    "revoked": N_("✗ 证书已撤销:重新计分后该学员未达到合格线,此证书不再有效。"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help=_("证书上的验证码,如 ACDE-FGHJ-KMNP(大小写、短横线均可)"))
    parser.add_argument("--db", help=_("签发证书的存储地址,默认 var/ 下的 SQLite"))


def run(args: argparse.Namespace) -> int:
    from kit.store import certificates, open_store

    check = certificates.verify(open_store(args.db), args.code)
    if check.status != "genuine" or check.certificate is None:
        print(_(VERDICTS.get(check.status, VERDICTS["unknown"])))
        return 1
    x = check.certificate.details
    print(_("✓ 真实证书。请核对证书上的内容与以下记录一致:"))
    module = _("模块 {number} {title}").format(number=x.module, title=x.module_title)
    for label, value in ((_("姓名"), x.name), (_("工号"), x.staff_id or _("(未填)")),
                         (_("模块"), module), (_("日期"), x.issued_on),
                         (_("成绩等级"), x.band), (_("场次参与码"), x.workshop_code),
                         (_("验证码"), certificates.shown(check.certificate.code))):
        print("  " + _("{label}:{value}").format(label=label, value=value))
    return 0
