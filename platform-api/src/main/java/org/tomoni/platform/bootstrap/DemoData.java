package org.tomoni.platform.bootstrap;

import org.tomoni.platform.members.people.PersonRequest;

import java.util.List;

/** Demo organisations from the seeds, with fictional people (names, addresses and numbers are made up). */
final class DemoData {
    private DemoData() {
    }

    /**
     * A demo organisation: its kind (a seeded tenant kind's code), its hand-written people, how many more the
     * generator adds ({@link DemoPeople}, in {@code towns}), and the steps that add its parties and giving.
     */
    record DemoTenant(String slug, String nameJa, String nameEn, String kind, List<PersonRequest> people, DemoParties.Step parties,
                      DemoGiving.Step giving, int generated, List<DemoPeople.Town> towns) {
        /** Every person the tenant starts with: the hand-written ones and the generated ones. */
        int peopleCount() {
            return people.size() + generated;
        }
    }

    /** A child (支援対象者): sensitive, kept out of general lists. */
    private static PersonRequest child(String family, String given, String familyKana, String givenKana, String birth, String postal,
                                       String pref, String city, String line1) {
        return new PersonRequest(family, given, familyKana, givenKana, birth, null, null, postal, pref, city, line1, null, null, null, null,
            false, false, false, null, true);
    }

    private static PersonRequest p(String family, String given, String familyKana, String givenKana, String birth,
                                   String email, String phone, String postal, String pref, String city, String line1) {
        return PersonRequest.basic(family, given, familyKana, givenKana, birth, email, phone, postal, pref, city, line1, null, null);
    }

    static final List<DemoTenant> TENANTS = List.of(
        new DemoTenant("yume-fund", "ともにつくるゆめ基金", "Tomoni Yume Fund", "children_fund", List.of(
            p("佐藤", "健一", "サトウ", "ケンイチ", "1978-05-12", "k.sato@example.jp", "09012345678", "3700001", "群馬県", "高崎市", "八島町1-2"),
            child("佐藤", "ひかり", "サトウ", "ヒカリ", "2012-08-03", "3700001", "群馬県", "高崎市", "八島町1-2"),
            p("鈴木", "美咲", "スズキ", "ミサキ", "1982-11-20", "misaki.suzuki@example.jp", "08023456789", "3200811", "栃木県", "宇都宮市", "大通り3-4-5"),
            child("鈴木", "大翔", "スズキ", "ヒロト", "2015-04-14", "3200811", "栃木県", "宇都宮市", "大通り3-4-5"),
            p("髙橋", "誠", "タカハシ", "マコト", "1975-02-28", "m.takahashi@example.jp", "0292345678", "3100011", "茨城県", "水戸市", "三の丸1-5-38"),
            child("田中", "陽菜", "タナカ", "ヒナ", "2009-12-01", "3300063", "埼玉県", "さいたま市浦和区", "高砂3-15-1"),
            p("伊藤", "直子", "イトウ", "ナオコ", "1980-07-07", "naoko.ito@example.jp", "07034567890", "2600013", "千葉県", "千葉市中央区", "中央4-5-1"),
            child("渡辺", "蓮", "ワタナベ", "レン", "2011-03-22", "1600023", "東京都", "新宿区", "西新宿2-8-1"),
            p("山本", "恵子", "ヤマモト", "ケイコ", "1977-09-15", "keiko.yamamoto@example.jp", "0452345678", "2310023", "神奈川県", "横浜市中区", "山下町1"),
            child("中村", "結衣", "ナカムラ", "ユイ", "2006-06-30", "4000031", "山梨県", "甲府市", "丸の内1-6-1")),
            DemoParties::childrensFund, DemoGiving::childrensFund, 300, DemoPeople.KANTO),
        new DemoTenant("life-support", "ライフサポートセンター", "Life Support Center", "consultation_center", List.of(
            p("小林", "正樹", "コバヤシ", "マサキ", "1968-01-19", "m.kobayashi@example.jp", "09087654321", "1010062", "東京都", "千代田区", "神田駿河台3-2-11"),
            p("加藤", "由美", "カトウ", "ユミ", "1985-10-05", "yumi.kato@example.jp", "0312345678", "1700013", "東京都", "豊島区", "東池袋1-1-1"),
            p("吉田", "浩二", "ヨシダ", "コウジ", "1959-03-03", null, "0422123456", "1800004", "東京都", "武蔵野市", "吉祥寺本町1-10-7"),
            p("山田", "花子", "ヤマダ", "ハナコ", "1990-12-24", "hanako.yamada@example.jp", "08011112222", "2100007", "神奈川県", "川崎市川崎区", "駅前本町11-2"),
            p("松本", "悟", "マツモト", "サトル", "1972-08-18", "satoru.matsumoto@example.jp", "05012345678", "3300846", "埼玉県", "さいたま市大宮区", "大門町2-118")),
            DemoParties::consultationCenter, DemoGiving.NONE, 240, DemoPeople.TOKYO),
        new DemoTenant("hiroba-network", "子育てひろば全国連絡協議会", "National Association of Childcare Hubs", "hub_network", List.of(
            p("井上", "真理子", "イノウエ", "マリコ", "1970-04-02", "mariko.inoue@example.jp", "0332123456", "1130033", "東京都", "文京区", "本郷2-1-1"),
            p("木村", "晴美", "キムラ", "ハルミ", "1974-06-11", "harumi.kimura@example.jp", "0663123456", "5300001", "大阪府", "大阪市北区", "梅田1-1-3"),
            p("林", "千尋", "ハヤシ", "チヒロ", "1983-09-09", "chihiro.hayashi@example.jp", "0922123456", "8100001", "福岡県", "福岡市中央区", "天神1-8-1"),
            p("清水", "あゆみ", "シミズ", "アユミ", "1988-02-14", "ayumi.shimizu@example.jp", "0112123456", "0600001", "北海道", "札幌市中央区", "北一条西2")),
            DemoParties::hubNetwork, DemoGiving.NONE, 200, DemoPeople.NATIONWIDE),
        new DemoTenant("inclu-fund", "インクルファンド", "Inclu Fund", "grant_fund", List.of(
            p("斎藤", "和也", "サイトウ", "カズヤ", "1965-05-05", "kazuya.saito@example.jp", "0452223333", "2200011", "神奈川県", "横浜市西区", "高島2-19-12"),
            p("森", "さくら", "モリ", "サクラ", "1992-03-27", "sakura.mori@example.jp", "09033334444", "2510052", "神奈川県", "藤沢市", "藤沢1-1"),
            p("池田", "隆", "イケダ", "タカシ", "1958-11-11", null, "0466445566", "2520804", "神奈川県", "藤沢市", "湘南台1-2-3"),
            p("橋本", "愛", "ハシモト", "アイ", "1995-07-21", "ai.hashimoto@example.jp", "08055556666", "2380011", "神奈川県", "横須賀市", "米が浜通1-1"),
            p("石川", "康弘", "イシカワ", "ヤスヒロ", "1970-10-10", "yasuhiro.ishikawa@example.jp", "0467778888", "2470056", "神奈川県", "鎌倉市", "大船1-1-1")),
            DemoParties::grantFund, DemoGiving::grantFund, 320, DemoPeople.KANAGAWA));
}
