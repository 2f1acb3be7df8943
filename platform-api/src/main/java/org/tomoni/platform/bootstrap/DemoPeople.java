package org.tomoni.platform.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A few hundred fictional people for a demo tenant, the same on every start (a generator seeded by
 * the tenant's slug, never the clock): common family and given names with their readings in
 * katakana, addresses of the tenant's region (real postal codes, towns and made-up numbers), mobile
 * or local phones by the 10/11-digit rules, and some e-mail addresses at example.jp. They are
 * imported as one CSV, set-based, as an office would bring its member list.
 */
final class DemoPeople {
    private DemoPeople() {
    }

    /** A generated person, as the CSV import reads one. */
    record Person(String family, String given, String familyKana, String givenKana, LocalDate birth, String email, String phone,
                  String postalCode, String prefecture, String city, String line1, String line2, boolean newsletter) {
        String fullName() {
            return family + given;
        }
    }

    /** A town of a region: postal code, prefecture, city, town, and the phone area code of a landline there. */
    record Town(String postalCode, String prefecture, String city, String town, String areaCode) {
    }

    private static final String[][] FAMILY = {
        {"佐藤", "サトウ", "sato"}, {"鈴木", "スズキ", "suzuki"}, {"高橋", "タカハシ", "takahashi"}, {"田中", "タナカ", "tanaka"},
        {"伊藤", "イトウ", "ito"}, {"渡辺", "ワタナベ", "watanabe"}, {"山本", "ヤマモト", "yamamoto"}, {"中村", "ナカムラ", "nakamura"},
        {"小林", "コバヤシ", "kobayashi"}, {"加藤", "カトウ", "kato"}, {"吉田", "ヨシダ", "yoshida"}, {"山田", "ヤマダ", "yamada"},
        {"佐々木", "ササキ", "sasaki"}, {"山口", "ヤマグチ", "yamaguchi"}, {"松本", "マツモト", "matsumoto"}, {"井上", "イノウエ", "inoue"},
        {"木村", "キムラ", "kimura"}, {"林", "ハヤシ", "hayashi"}, {"斎藤", "サイトウ", "saito"}, {"清水", "シミズ", "shimizu"},
        {"山崎", "ヤマザキ", "yamazaki"}, {"森", "モリ", "mori"}, {"池田", "イケダ", "ikeda"}, {"橋本", "ハシモト", "hashimoto"},
        {"阿部", "アベ", "abe"}, {"石川", "イシカワ", "ishikawa"}, {"山下", "ヤマシタ", "yamashita"}, {"中島", "ナカジマ", "nakajima"},
        {"石井", "イシイ", "ishii"}, {"小川", "オガワ", "ogawa"}, {"前田", "マエダ", "maeda"}, {"岡田", "オカダ", "okada"},
        {"長谷川", "ハセガワ", "hasegawa"}, {"藤田", "フジタ", "fujita"}, {"後藤", "ゴトウ", "goto"}, {"近藤", "コンドウ", "kondo"},
        {"村上", "ムラカミ", "murakami"}, {"遠藤", "エンドウ", "endo"}, {"青木", "アオキ", "aoki"}, {"坂本", "サカモト", "sakamoto"},
        {"髙橋", "タカハシ", "takahashi"}, {"齋藤", "サイトウ", "saito"}, {"福田", "フクダ", "fukuda"}, {"太田", "オオタ", "ota"},
        {"西村", "ニシムラ", "nishimura"}, {"藤井", "フジイ", "fujii"}, {"金子", "カネコ", "kaneko"}, {"岡本", "オカモト", "okamoto"}};

    private static final String[][] GIVEN = {
        {"陽子", "ヨウコ", "yoko"}, {"恵子", "ケイコ", "keiko"}, {"裕子", "ユウコ", "yuko"}, {"直美", "ナオミ", "naomi"},
        {"美穂", "ミホ", "miho"}, {"智子", "トモコ", "tomoko"}, {"由美", "ユミ", "yumi"}, {"真由美", "マユミ", "mayumi"},
        {"さくら", "サクラ", "sakura"}, {"愛", "アイ", "ai"}, {"優子", "ユウコ", "yuko"}, {"彩", "アヤ", "aya"},
        {"明美", "アケミ", "akemi"}, {"千尋", "チヒロ", "chihiro"}, {"麻衣", "マイ", "mai"}, {"香織", "カオリ", "kaori"},
        {"ひとみ", "ヒトミ", "hitomi"}, {"奈々", "ナナ", "nana"}, {"和子", "カズコ", "kazuko"}, {"幸子", "サチコ", "sachiko"},
        {"誠", "マコト", "makoto"}, {"健一", "ケンイチ", "kenichi"}, {"浩", "ヒロシ", "hiroshi"}, {"隆", "タカシ", "takashi"},
        {"大輔", "ダイスケ", "daisuke"}, {"翔太", "ショウタ", "shota"}, {"拓也", "タクヤ", "takuya"}, {"健太", "ケンタ", "kenta"},
        {"和也", "カズヤ", "kazuya"}, {"直樹", "ナオキ", "naoki"}, {"修", "オサム", "osamu"}, {"茂", "シゲル", "shigeru"},
        {"聡", "サトシ", "satoshi"}, {"康弘", "ヤスヒロ", "yasuhiro"}, {"雅人", "マサト", "masato"}, {"亮", "リョウ", "ryo"},
        {"悠斗", "ユウト", "yuto"}, {"蓮", "レン", "ren"}, {"正樹", "マサキ", "masaki"}, {"博之", "ヒロユキ", "hiroyuki"}};

    /** Towns by region (a tenant's people live around its office; the network's across the country). */
    static final List<Town> KANTO = List.of(
        new Town("3700001", "群馬県", "高崎市", "八島町", "027"), new Town("3200811", "栃木県", "宇都宮市", "大通り", "028"),
        new Town("3100011", "茨城県", "水戸市", "三の丸", "029"), new Town("3300063", "埼玉県", "さいたま市浦和区", "高砂", "048"),
        new Town("2600013", "千葉県", "千葉市中央区", "中央", "043"), new Town("1600023", "東京都", "新宿区", "西新宿", "03"),
        new Town("1700013", "東京都", "豊島区", "東池袋", "03"), new Town("1800004", "東京都", "武蔵野市", "吉祥寺本町", "0422"),
        new Town("1920083", "東京都", "八王子市", "旭町", "042"), new Town("2310023", "神奈川県", "横浜市中区", "山下町", "045"),
        new Town("2100007", "神奈川県", "川崎市川崎区", "駅前本町", "044"), new Town("3300846", "埼玉県", "さいたま市大宮区", "大門町", "048"));
    static final List<Town> TOKYO = List.of(
        new Town("1010062", "東京都", "千代田区", "神田駿河台", "03"), new Town("1700013", "東京都", "豊島区", "東池袋", "03"),
        new Town("1710022", "東京都", "豊島区", "南池袋", "03"), new Town("1140002", "東京都", "北区", "王子", "03"),
        new Town("1730004", "東京都", "板橋区", "板橋", "03"), new Town("1600023", "東京都", "新宿区", "西新宿", "03"),
        new Town("1800004", "東京都", "武蔵野市", "吉祥寺本町", "0422"), new Town("1820021", "東京都", "調布市", "調布ケ丘", "042"),
        new Town("1350016", "東京都", "江東区", "東陽", "03"), new Town("1200034", "東京都", "足立区", "千住", "03"));
    static final List<Town> NATIONWIDE = List.of(
        new Town("0600001", "北海道", "札幌市中央区", "北一条西", "011"), new Town("9800811", "宮城県", "仙台市青葉区", "一番町", "022"),
        new Town("1130033", "東京都", "文京区", "本郷", "03"), new Town("2200011", "神奈川県", "横浜市西区", "高島", "045"),
        new Town("4600008", "愛知県", "名古屋市中区", "栄", "052"), new Town("6008216", "京都府", "京都市下京区", "東塩小路町", "075"),
        new Town("5300001", "大阪府", "大阪市北区", "梅田", "06"), new Town("6500001", "兵庫県", "神戸市中央区", "加納町", "078"),
        new Town("7300011", "広島県", "広島市中区", "基町", "082"), new Town("7600019", "香川県", "高松市", "サンポート", "087"),
        new Town("8100001", "福岡県", "福岡市中央区", "天神", "092"), new Town("9000006", "沖縄県", "那覇市", "おもろまち", "098"));
    static final List<Town> KANAGAWA = List.of(
        new Town("2200011", "神奈川県", "横浜市西区", "高島", "045"), new Town("2510052", "神奈川県", "藤沢市", "藤沢", "0466"),
        new Town("2520804", "神奈川県", "藤沢市", "湘南台", "0466"), new Town("2380011", "神奈川県", "横須賀市", "米が浜通", "046"),
        new Town("2470056", "神奈川県", "鎌倉市", "大船", "0467"), new Town("2220033", "神奈川県", "横浜市港北区", "新横浜", "045"),
        new Town("2500011", "神奈川県", "小田原市", "栄町", "0465"), new Town("2430018", "神奈川県", "厚木市", "中町", "046"),
        new Town("2290039", "神奈川県", "相模原市中央区", "中央", "042"), new Town("2540034", "神奈川県", "平塚市", "宝町", "0463"));

    private static final String[] BUILDINGS = {"コーポ青葉 201", "メゾン桜 305", "ハイツ緑ヶ丘 102", "グランドパレス 1203", "サンハイツ 2F"};

    /**
     * {@code count} people for the tenant {@code slug}, in {@code towns}; names already used by the tenant's
     * hand-written people ({@code taken}, family + given) are skipped so that each full name stays one person.
     */
    static List<Person> generate(String slug, int count, List<Town> towns, Set<String> taken) {
        SplittableRandom random = new SplittableRandom(seed(slug));
        Set<String> names = new HashSet<>(taken);
        List<Person> out = new ArrayList<>();
        int serial = 0;
        while (out.size() < count) {
            String[] f = FAMILY[random.nextInt(FAMILY.length)];
            String[] g = GIVEN[random.nextInt(GIVEN.length)];
            if (!names.add(f[0] + g[0])) {
                continue;
            }
            serial++;
            Town town = towns.get(random.nextInt(towns.size()));
            LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 55));
            String line1 = town.town() + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(20)) + "-" + (1 + random.nextInt(30));
            String line2 = random.nextInt(4) == 0 ? BUILDINGS[random.nextInt(BUILDINGS.length)] : null;
            String phone = random.nextInt(3) == 0 ? landline(town.areaCode(), serial) : mobile(random.nextInt(3), serial);
            String email = random.nextInt(5) < 3 ? g[2] + "." + f[2] + serial + "@example.jp" : null;
            out.add(new Person(f[0], g[0], f[1], g[1], birth, email, phone, town.postalCode(), town.prefecture(), town.city(), line1, line2,
                random.nextInt(2) == 0));
        }
        return out;
    }

    /** The people as the CSV import reads them (UTF-8, the Japanese headers). */
    static byte[] csv(List<Person> people) {
        StringBuilder sb = new StringBuilder("姓,名,セイ,メイ,生年月日,メールアドレス,電話番号,郵便番号,都道府県,市区町村,町名・番地,建物名,ニュースレター\r\n");
        for (Person p : people) {
            sb.append(String.join(",", p.family(), p.given(), p.familyKana(), p.givenKana(), p.birth().toString(), orEmpty(p.email()), p.phone(),
                p.postalCode(), p.prefecture(), p.city(), p.line1(), orEmpty(p.line2()), p.newsletter() ? "1" : "0")).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 11 digits: 090, 080 or 070, then a number of the person's own. */
    private static String mobile(int prefix, int serial) {
        return new String[] {"090", "080", "070"}[prefix] + String.format("%08d", 10_000_000 + serial * 7919 % 89_999_999);
    }

    /** 10 digits: the area code and a subscriber number of the person's own. */
    private static String landline(String areaCode, int serial) {
        int digits = 10 - areaCode.length();
        int base = (int) Math.pow(10, digits - 1) * 2;
        return areaCode + (base + serial * 7919 % (base * 4));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long seed(String slug) {
        long h = 1125899906842597L;
        for (char c : slug.toCharArray()) {
            h = 31 * h + c;
        }
        return h;
    }
}
