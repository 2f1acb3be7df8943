package org.tomoni.platform.bootstrap;

import org.tomoni.platform.members.links.AffiliationRequest;
import org.tomoni.platform.members.links.Affiliations;
import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.organizations.OrganizationRequest;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.members.links.RelationshipRequest;
import org.tomoni.platform.members.links.Relationships;
import org.tomoni.platform.shared.Actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo tenants' organisations, links and memberships, drawn from the seeds: the fund's
 * union federations with parents and their (sensitive) children, the consultation center's
 * partners and fee schedule, the hub network's member hubs and corporate partners, the grant
 * fund's member organisations and supporters.
 */
final class DemoParties {
    private final Organizations organizations;
    private final Relationships relationships;
    private final Affiliations affiliations;
    private final Branches branches;
    private final MembershipTypes types;
    private final Memberships memberships;

    DemoParties(Organizations organizations, Relationships relationships, Affiliations affiliations, Branches branches,
                MembershipTypes types, Memberships memberships) {
        this.organizations = organizations;
        this.relationships = relationships;
        this.affiliations = affiliations;
        this.branches = branches;
        this.types = types;
        this.memberships = memberships;
    }

    /** One demo tenant's organisations, links and memberships; {@code person} finds its people by full name. */
    interface Step {
        void run(DemoParties parties, Actor admin, Map<String, UUID> person);
    }

    /** The generated people of the tenant being provisioned (DemoPeople), in the order generated. */
    private List<UUID> generated = List.of();
    /** The organisations the tenant's step made that give (co-ops, companies), for DemoGiving. */
    final List<UUID> givers = new ArrayList<>();

    void provision(Step step, Actor admin, List<PersonView> people, List<UUID> generated) {
        Map<String, UUID> person = new HashMap<>();
        people.forEach(p -> person.put(p.familyName() + p.givenName(), p.id()));
        this.generated = generated;
        givers.clear();
        step.run(this, admin, person);
    }

    /** Every {@code every}-th generated person (from {@code from}) on {@code type}, with 1 to {@code maxUnits} units, started in the past year. */
    private void generatedMembers(Actor admin, UUID type, int from, int every, int maxUnits) {
        java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).withDayOfMonth(1).minusMonths(12);
        for (int i = from; i < generated.size(); i += every) {
            int units = 1 + i % maxUnits;
            memberships.create(admin, new MembershipRequest(generated.get(i).toString(), null, type.toString(), units,
                start.plusMonths(i % 12).toString(), null)).orThrow();
        }
    }

    void childrensFund(Actor admin, Map<String, UUID> person) {
        Map<String, UUID> fed = new HashMap<>();
        String[][] federations = {{"電機連合", "デンキレンゴウ"}, {"自治労", "ジチロウ"}, {"JAM", "ジャム"}, {"自動車総連", "ジドウシャソウレン"},
            {"UAゼンセン", "ユーエーゼンセン"}, {"運輸労連", "ウンユロウレン"}};
        for (String[] f : federations) {
            fed.put(f[0], org(admin, f[0], f[1], "union_federation", null));
        }
        givers.add(org(admin, "ともにつくるゆめ共済生活協同組合", "トモニツクルユメキョウサイセイカツキョウドウクミアイ", "coop", "東京都"));
        givers.add(org(admin, "株式会社ゆめ商事", "カブシキガイシャユメショウジ", "company", "東京都"));
        UUID supporting = type(admin, "賛助会員", 3000, "yearly", true, "both");
        generatedMembers(admin, supporting, 0, 4, 3);
        orgMembership(admin, givers.get(1), supporting);
        parentOf(admin, person.get("佐藤健一"), person.get("佐藤ひかり"));
        parentOf(admin, person.get("鈴木美咲"), person.get("鈴木大翔"));
        member(admin, person.get("佐藤健一"), fed.get("電機連合"), "組合員");
        member(admin, person.get("鈴木美咲"), fed.get("自治労"), "組合員（配偶者）");
        member(admin, person.get("髙橋誠"), fed.get("JAM"), "組合員");
        member(admin, person.get("伊藤直子"), fed.get("UAゼンセン"), "組合員");
        member(admin, person.get("山本恵子"), fed.get("自動車総連"), "組合員");
    }

    void consultationCenter(Actor admin, Map<String, UUID> person) {
        UUID lawyer = org(admin, "神田総合法律事務所", "カンダソウゴウホウリツジムショ", "other", "東京都");
        org(admin, "東池袋社会保険労務士事務所", "ヒガシイケブクロシャカイホケンロウムシジムショ", "other", "東京都");
        org(admin, "NPO法人 くらしサポートネット", "エヌピーオーホウジン クラシサポートネット", "npo", "東京都");
        org(admin, "豊島区 福祉総合相談窓口", "トシマク フクシソウゴウソウダンマドグチ", "government", "東京都");
        UUID general = type(admin, "一般会員", 1000, "monthly", false, "person");
        UUID supporting = type(admin, "協力会員", 3000, "yearly", true, "person");
        type(admin, "維持会員", 10000, "yearly", true, "organization");
        membership(admin, person.get("小林正樹"), general, 1);
        membership(admin, person.get("吉田浩二"), supporting, 2);
        generatedMembers(admin, general, 0, 3, 1);
        generatedMembers(admin, supporting, 1, 5, 3);
        member(admin, person.get("加藤由美"), lawyer, "弁護士（提携）");
    }

    void hubNetwork(Actor admin, Map<String, UUID> person) {
        UUID east = branch(admin, "東日本ブロック", "ヒガシニホンブロック");
        UUID west = branch(admin, "西日本ブロック", "ニシニホンブロック");
        UUID regular = type(admin, "正会員（団体）", 12000, "yearly", false, "organization");
        // 賛助会員: companies and individuals who support the network; 個人会員: people working at hubs.
        UUID supporting = type(admin, "賛助会員", 10000, "yearly", true, "both");
        UUID individual = type(admin, "個人会員", 3000, "yearly", false, "person");
        UUID hubA = org(admin, "NPO法人 びーのびーの", "エヌピーオーホウジン ビーノビーノ", "npo", "神奈川県", east);
        UUID hubB = org(admin, "NPO法人 ひろばゆう", "エヌピーオーホウジン ヒロバユウ", "npo", "大阪府", west);
        UUID hubC = org(admin, "子育てひろば ぽかぽか", "コソダテヒロバ ポカポカ", "npo", "福岡県", west);
        List<UUID> companies = List.of(org(admin, "住友生命保険相互会社", "スミトモセイメイホケンソウゴガイシャ", "company", "大阪府"),
            org(admin, "株式会社熊谷組", "カブシキガイシャクマガイグミ", "company", "東京都"),
            org(admin, "江崎グリコ株式会社", "エザキグリコカブシキガイシャ", "company", "大阪府"));
        for (UUID hub : List.of(hubA, hubB, hubC)) {
            orgMembership(admin, hub, regular);
        }
        for (UUID company : companies) {
            orgMembership(admin, company, supporting);
        }
        givers.addAll(companies);
        // Member hubs across the country (地域子育て支援拠点), each a 正会員 in its block.
        String[][] places = {{"札幌", "サッポロ", "北海道", "e"}, {"仙台", "センダイ", "宮城県", "e"}, {"盛岡", "モリオカ", "岩手県", "e"},
            {"新潟", "ニイガタ", "新潟県", "e"}, {"宇都宮", "ウツノミヤ", "栃木県", "e"}, {"前橋", "マエバシ", "群馬県", "e"},
            {"川越", "カワゴエ", "埼玉県", "e"}, {"船橋", "フナバシ", "千葉県", "e"}, {"世田谷", "セタガヤ", "東京都", "e"},
            {"町田", "マチダ", "東京都", "e"}, {"相模原", "サガミハラ", "神奈川県", "e"}, {"静岡", "シズオカ", "静岡県", "e"},
            {"金沢", "カナザワ", "石川県", "w"}, {"名古屋", "ナゴヤ", "愛知県", "w"}, {"岐阜", "ギフ", "岐阜県", "w"},
            {"京都", "キョウト", "京都府", "w"}, {"堺", "サカイ", "大阪府", "w"}, {"豊中", "トヨナカ", "大阪府", "w"},
            {"神戸", "コウベ", "兵庫県", "w"}, {"奈良", "ナラ", "奈良県", "w"}, {"岡山", "オカヤマ", "岡山県", "w"},
            {"広島", "ヒロシマ", "広島県", "w"}, {"松山", "マツヤマ", "愛媛県", "w"}, {"高知", "コウチ", "高知県", "w"},
            {"北九州", "キタキュウシュウ", "福岡県", "w"}, {"熊本", "クマモト", "熊本県", "w"}, {"鹿児島", "カゴシマ", "鹿児島県", "w"},
            {"那覇", "ナハ", "沖縄県", "w"}};
        String[][] styles = {{"NPO法人 子育てひろば", "エヌピーオーホウジン コソダテヒロバ"}, {"子育て支援センター", "コソダテシエンセンター"},
            {"NPO法人 おやこの居場所", "エヌピーオーホウジン オヤコノイバショ"}, {"一般社団法人 ひろばネット", "イッパンシャダンホウジン ヒロバネット"}};
        for (int i = 0; i < places.length; i++) {
            String[] p = places[i];
            String[] style = styles[i % styles.length];
            boolean prefixed = style[0].startsWith("NPO") || style[0].startsWith("一般");
            String name = prefixed ? style[0] + p[0] : p[0] + style[0];
            String kana = prefixed ? style[1] + p[1] : p[1] + style[1];
            UUID hub = org(admin, name, kana, style[0].startsWith("一般") ? "other" : "npo", p[2], "e".equals(p[3]) ? east : west);
            orgMembership(admin, hub, regular);
        }
        generatedMembers(admin, individual, 0, 3, 1);
        generatedMembers(admin, supporting, 1, 8, 2);
        member(admin, person.get("井上真理子"), hubA, "代表");
        member(admin, person.get("木村晴美"), hubB, "スタッフ");
        member(admin, person.get("林千尋"), hubC, "代表");
    }

    void grantFund(Actor admin, Map<String, UUID> person) {
        UUID supporter = type(admin, "サポーター", 300, "monthly", true, "person");
        UUID memberOrg = type(admin, "会員団体", 10000, "yearly", false, "organization");
        String[][] members = {{"生活クラブ生活協同組合", "セイカツクラブセイカツキョウドウクミアイ", "coop"},
            {"ワーカーズ・コレクティブ 風", "ワーカーズコレクティブ カゼ", "coop"},
            {"NPO法人 たすけあい湘南", "エヌピーオーホウジン タスケアイショウナン", "npo"},
            {"NPO法人 地域の居場所ネット", "エヌピーオーホウジン チイキノイバショネット", "npo"}};
        for (String[] m : members) {
            UUID member = org(admin, m[0], m[1], m[2], "神奈川県");
            orgMembership(admin, member, memberOrg);
            if ("coop".equals(m[2])) {
                givers.add(member);
            }
        }
        generatedMembers(admin, supporter, 0, 3, 5);
        membership(admin, person.get("斎藤和也"), supporter, 3);
        membership(admin, person.get("森さくら"), supporter, 1);
        membership(admin, person.get("橋本愛"), supporter, 2);
    }

    private UUID org(Actor admin, String name, String kana, String kind, String prefecture) {
        return org(admin, name, kana, kind, prefecture, null);
    }

    private UUID org(Actor admin, String name, String kana, String kind, String prefecture, UUID branch) {
        return organizations.create(admin, new OrganizationRequest(name, kana, kind, null, null, null, null, prefecture, null, null, null,
            null, null, branch == null ? null : branch.toString())).orThrow().id();
    }

    private UUID branch(Actor admin, String name, String kana) {
        return branches.create(admin, new BranchRequest(name, kana, null)).orThrow().id();
    }

    private UUID type(Actor admin, String name, long fee, String period, boolean perUnit, String memberKind) {
        return types.create(admin, new MembershipTypeRequest(name, fee, period, perUnit, memberKind, null)).orThrow().id();
    }

    private void parentOf(Actor admin, UUID parent, UUID child) {
        relationships.create(admin, new RelationshipRequest(parent.toString(), child.toString(), "parent", null, null, null)).orThrow();
    }

    private void member(Actor admin, UUID person, UUID organization, String role) {
        affiliations.create(admin, new AffiliationRequest(person.toString(), organization.toString(), role, null, null, null)).orThrow();
    }

    private void membership(Actor admin, UUID person, UUID type, int units) {
        memberships.create(admin, new MembershipRequest(person.toString(), null, type.toString(), units, "2026-04-01", null)).orThrow();
    }

    private void orgMembership(Actor admin, UUID organization, UUID type) {
        memberships.create(admin, new MembershipRequest(null, organization.toString(), type.toString(), 1, "2026-04-01", null)).orThrow();
    }
}
