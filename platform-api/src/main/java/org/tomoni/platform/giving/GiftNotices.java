package org.tomoni.platform.giving;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Mailer;
import org.tomoni.platform.shared.Mailer.Mail;

import java.text.NumberFormat;
import java.util.Locale;

/** The mails a donor and the staff receive about a gift, in Japanese. */
@Singleton
class GiftNotices {
    private final Mailer mailer;

    GiftNotices(Mailer mailer) {
        this.mailer = mailer;
    }

    /** What a mail says about the gift. */
    record About(String organization, String donorName, String email, long giftNumber, String planName, int units, long amount,
                 String interval, String method, String manageUrl) {
    }

    void signedUp(About a) {
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
        mailer.send(new Mail(a.email(), a.organization(), "【" + a.organization() + "】ご寄付のお申し込みを受け付けました", body));
    }

    void changed(About a, String what) {
        if (a.email() == null) {
            return;
        }
        String body = a.donorName() + " 様\n\n"
            + a.organization() + "へのご寄付（受付番号 " + a.giftNumber() + "）について、次の変更を承りました。\n\n"
            + what + "\n" + amountLine(a) + "\n\n"
            + "内容の確認・変更: " + a.manageUrl() + "\n";
        mailer.send(new Mail(a.email(), a.organization(), "【" + a.organization() + "】ご寄付の内容を変更しました", body));
    }

    /** A failed collection: the donor learns what to do, the staff what happened. */
    void failed(About a, String reason, String staffEmail) {
        if (a.email() != null) {
            String body = a.donorName() + " 様\n\n"
                + a.organization() + "へのご寄付（受付番号 " + a.giftNumber() + "）の今回のお引き落としができませんでした。\n"
                + "理由: " + reason + "\n\n"
                + "ご寄付は解約されていません。口座の残高やお届け内容をご確認のうえ、" + a.organization() + "までご連絡ください。\n"
                + "内容の確認: " + a.manageUrl() + "\n";
            mailer.send(new Mail(a.email(), a.organization(), "【" + a.organization() + "】ご寄付のお引き落としができませんでした", body));
        }
        if (staffEmail != null) {
            String body = "寄付 受付番号 " + a.giftNumber() + "（" + a.donorName() + " 様）の引き落としができず、状態を「エラー」にしました。\n"
                + "理由: " + reason + "\n" + amountLine(a) + "\n"
                + "寄付者に連絡し、口座を確認してから「再開」してください。\n";
            mailer.send(new Mail(staffEmail, "Tomoni", "[Tomoni] 引き落とし不能: 受付番号 " + a.giftNumber(), body));
        }
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
