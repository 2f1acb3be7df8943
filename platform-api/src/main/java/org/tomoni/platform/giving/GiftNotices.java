package org.tomoni.platform.giving;

import jakarta.inject.Singleton;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.mail.Mailer.Mail;
import org.tomoni.platform.mail.Outbox;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The mails a donor and the staff receive about a gift, in Japanese. Each is queued in the
 * {@link Outbox} inside the caller's transaction ({@code scope}, whose actor the row records), so it leaves only if the change commits.
 */
@Singleton
class GiftNotices {
    private final Outbox outbox;

    GiftNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What a mail says about the gift. */
    record About(String organization, String donorName, String email, long giftNumber, String planName, int units, long amount,
                 String interval, String method, String manageUrl) {
    }

    void signedUp(TenantScope scope, About a) {
        if (a.email() == null) {
            return;
        }
        String body = a.donorName() + " 様\n\n"
            + a.organization() + "へのご寄付のお申し込みを受け付けました。ありがとうございます。\n\n"
            + "受付番号: " + a.giftNumber() + "\n"
            + "プラン: " + a.planName() + " × " + a.units() + "口\n"
            + amountLine(a) + "\n"
            + "お支払い方法: " + method(a.method()) + "\n\n"
            + "口数の変更・休止・解約は次のページからいつでもできます（ログインは不要です）。\n"
            + a.manageUrl() + "\n\n"
            + "このメールにお心当たりのない場合は、お手数ですが " + a.organization() + " までご連絡ください。\n";
        outbox.mail(scope, "gift.signed_up", new Mail(a.email(), a.organization(), "【" + a.organization() + "】ご寄付のお申し込みを受け付けました",
            body));
    }

    void changed(TenantScope scope, About a, String what) {
        if (a.email() == null) {
            return;
        }
        String body = a.donorName() + " 様\n\n"
            + a.organization() + "へのご寄付（受付番号 " + a.giftNumber() + "）について、次の変更を承りました。\n\n"
            + what + "\n" + amountLine(a) + "\n\n"
            + "内容の確認・変更: " + a.manageUrl() + "\n";
        outbox.mail(scope, "gift.changed", new Mail(a.email(), a.organization(), "【" + a.organization() + "】ご寄付の内容を変更しました", body));
    }

    /** A failed collection: the donor learns what to do. */
    void failed(TenantScope scope, About a, String reason) {
        if (a.email() == null) {
            return;
        }
        String body = a.donorName() + " 様\n\n"
            + a.organization() + "へのご寄付（受付番号 " + a.giftNumber() + "）の今回のお引き落としができませんでした。\n"
            + "理由: " + reason + "\n\n"
            + "ご寄付は解約されていません。口座の残高やお届け内容をご確認のうえ、" + a.organization() + "までご連絡ください。\n"
            + "内容の確認: " + a.manageUrl() + "\n";
        outbox.mail(scope, "debit.failed", new Mail(a.email(), a.organization(),
            "【" + a.organization() + "】ご寄付のお引き落としができませんでした", body));
    }

    /** A failed debit as the staff digest lists it. */
    record Failure(About about, String reason) {
    }

    /** One mail to the staff per reconciled batch, listing every failed debit (not one mail per failure). */
    void failedDigest(TenantScope scope, String staffEmail, long batchNumber, String debitDate, List<Failure> failures) {
        if (staffEmail == null || failures.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder("振替結果（バッチ " + batchNumber + "・引落日 " + debitDate + "）を取り込みました。\n"
            + "引き落としができなかった " + failures.size() + " 件の寄付を、状態「エラー」にしました。\n\n");
        for (Failure f : failures) {
            About a = f.about();
            body.append("・受付番号 ").append(a.giftNumber()).append("（").append(a.donorName()).append(" 様）")
                .append(amountLine(a)).append("\n  理由: ").append(f.reason()).append("\n");
        }
        body.append("\n寄付者に連絡し、口座を確認してから「再開」してください。\n");
        outbox.mail(scope, "debit.failed_digest", new Mail(staffEmail, "Tomoni",
            "[Tomoni] 引き落とし不能 " + failures.size() + " 件: バッチ " + batchNumber, body.toString()));
    }

    private static String amountLine(About a) {
        String per = switch (a.interval()) {
            case "monthly" -> "毎月";
            case "yearly" -> "毎年";
            default -> "1回";
        };
        return "金額: " + per + " " + NumberFormat.getNumberInstance(Locale.JAPAN).format(a.amount()) + "円";
    }

    static String method(String method) {
        return switch (method) {
            case "direct_debit" -> "口座振替";
            case "card" -> "クレジットカード";
            case "bank_transfer" -> "銀行振込";
            default -> "現金";
        };
    }
}
