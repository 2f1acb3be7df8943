package org.tomoni.platform.giving;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.text;

/** Columns of the giving tables. */
final class GivingTables {
    static final Table<Record> PLANS = table(name("gift_plans"));
    static final Table<Record> GIFTS = table(name("recurring_gifts"));
    static final Table<Record> EVENTS = table(name("recurring_gift_events"));
    static final Table<Record> RUNS = table(name("billing_runs"));
    static final Table<Record> CHARGES = table(name("charges"));
    /** The donor's name for lists; people belong to members, giving only reads these columns. */
    static final Table<Record> PEOPLE = table(name("people"));
    static final Field<String> FAMILY_NAME = text("family_name");
    static final Field<String> GIVEN_NAME = text("given_name");
    static final Field<Boolean> SENSITIVE = field(name("sensitive"), SQLDataType.BOOLEAN);

    static final Field<String> NAME = text("name");
    static final Field<Long> UNIT_AMOUNT = field(name("unit_amount"), SQLDataType.BIGINT);
    static final Field<String> INTERVAL = text("interval");
    static final Field<String> PURPOSE = text("purpose");
    static final Field<Boolean> PUBLISHED = field(name("published"), SQLDataType.BOOLEAN);
    static final Field<OffsetDateTime> ARCHIVED_AT = field(name("archived_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Field<Long> GIFT_NUMBER = field(name("gift_number"), SQLDataType.BIGINT);
    static final Field<UUID> PERSON_ID = field(name("person_id"), SQLDataType.UUID);
    static final Field<UUID> PLAN_ID = field(name("plan_id"), SQLDataType.UUID);
    static final Field<Integer> UNITS = field(name("units"), SQLDataType.INTEGER);
    static final Field<String> PAYMENT_METHOD = text("payment_method");
    static final Field<LocalDate> START_MONTH = field(name("start_month"), SQLDataType.LOCALDATE);
    static final Field<String> STATUS = text("status");
    static final Field<String> STATUS_REASON = text("status_reason");

    static final Field<String> BANK_CODE = text("bank_code");
    static final Field<String> BRANCH_CODE = text("branch_code");
    static final Field<Short> ACCOUNT_TYPE = field(name("account_type"), SQLDataType.SMALLINT);
    static final Field<String> ACCOUNT_NUMBER_ENC = text("account_number_enc");
    static final Field<String> ACCOUNT_NUMBER_MASK = text("account_number_mask");
    static final Field<String> ACCOUNT_HOLDER_KANA = text("account_holder_kana");
    static final Field<String> CARD_CUSTOMER = text("card_customer");
    static final Field<Boolean> RETRY_NEXT_RUN = field(name("retry_next_run"), SQLDataType.BOOLEAN);
    static final Field<String> SOURCE = text("source");
    static final Field<String> EMAIL = text("email");

    static final Field<UUID> GIFT_ID = field(name("gift_id"), SQLDataType.UUID);
    static final Field<OffsetDateTime> OCCURRED_AT = field(name("occurred_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> KIND = text("kind");
    static final Field<String> DETAIL = text("detail");

    static final Field<LocalDate> PERIOD = field(name("period"), SQLDataType.LOCALDATE);
    static final Field<Integer> CHARGES_CREATED = field(name("charges_created"), SQLDataType.INTEGER);
    static final Field<Long> TOTAL_CREATED = field(name("total_created"), SQLDataType.BIGINT);
    static final Field<OffsetDateTime> STARTED_AT = field(name("started_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<Long> AMOUNT = field(name("amount"), SQLDataType.BIGINT);
    static final Field<String> METHOD = text("method");
    static final Field<UUID> RUN_ID = field(name("run_id"), SQLDataType.UUID);
    static final Field<UUID> MEMBERSHIP_ID = field(name("membership_id"), SQLDataType.UUID);
    static final Field<UUID> BATCH_ID = field(name("batch_id"), SQLDataType.UUID);
    static final Field<String> CUSTOMER_NUMBER = text("customer_number");
    static final Field<Short> RESULT_CODE = field(name("result_code"), SQLDataType.SMALLINT);
    static final Field<String> FAILURE = text("failure");
    static final Field<Integer> FEES_CREATED = field(name("fees_created"), SQLDataType.INTEGER);

    private GivingTables() {
    }
}
