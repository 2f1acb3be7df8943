package org.tomoni.platform.ui.giving;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.RecurringGifts.GiftRequest;
import org.tomoni.platform.giving.RecurringGifts.GiftView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.MonthPicker;

import java.time.Clock;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Gift plans are edited from their row and unpublished/published; the public page and the gifts follow. */
@MicronautTest(transactional = false)
class GiftPlanEditScreensIT extends ViewTest {
    TestTenant a;
    TestTenant b;

    @BeforeAll
    void tenantsWithGiving() {
        a = tenants().create("plan-edit-a", "membership_organization");
        b = tenants().create("plan-edit-b", "membership_organization");
    }

    private PlanView plan(String name, long unitAmount) {
        return context.getBean(GiftPlans.class).create(a.admin(), new PlanRequest(name, unitAmount, "monthly", null, true)).orThrow();
    }

    private PlanView row(GiftPlansView view, String name) {
        return _findAll(view.grid).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private java.util.List<String> publicPlanNames() {
        return context.getBean(PublicGiving.class).plans("plan-edit-a").orThrow().items().stream().map(PublicGiving.PublicPlan::name).toList();
    }

    @Test
    void a_plan_without_gifts_is_renamed_and_repriced_from_its_row_and_cancel_keeps_it() {
        plan("編集前プラン", 500);
        signInAdmin("plan-edit-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView view = _get(GiftPlansView.class);
        view.edit(row(view, "編集前プラン"));
        assertThat(view.form.add.getText()).isEqualTo("保存");
        assertThat(view.form.unitAmount.getValue()).isEqualTo(500);
        view.form.name.setValue("保存しない名前");
        _click(view.form.cancel);
        assertThat(_findAll(view.grid)).extracting(PlanView::name).contains("編集前プラン").doesNotContain("保存しない名前");
        assertThat(view.form.add.getText()).isEqualTo("プランを追加");

        view.edit(row(view, "編集前プラン"));
        view.form.name.setValue("編集後プラン");
        view.form.unitAmount.setValue(800);
        _click(view.form.add);
        assertThat(view.message.getText()).isEqualTo("寄付プラン「編集後プラン」を保存しました。");
        PlanView saved = row(view, "編集後プラン");
        assertThat(saved.unitAmount()).isEqualTo(800);
        assertThat(_findAll(view.grid)).extracting(PlanView::name).doesNotContain("編集前プラン");
    }

    @Test
    void a_plan_with_gifts_keeps_its_amount_and_unpublished_leaves_the_public_page_while_its_gifts_keep_it() {
        PlanView used = plan("使用中プラン", 1000);
        PersonView donor = context.getBean(People.class).create(a.admin(), PersonRequest.basic("寄付", "継続", "キフ", "ケイゾク", null, null,
            null, null, null, null, null, null, null)).orThrow();
        GiftView gift = context.getBean(RecurringGifts.class).create(a.admin(), new GiftRequest(donor.id().toString(), used.id().toString(), 2,
            "direct_debit", MonthPicker.nextMonth(context.getBean(Clock.class)))).orThrow();
        assertThat(publicPlanNames()).contains("使用中プラン");

        signInAdmin("plan-edit-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView view = _get(GiftPlansView.class);
        view.edit(row(view, "使用中プラン"));
        view.form.unitAmount.setValue(2000);
        _click(view.form.add);
        assertThat(view.form.unitAmount.isInvalid()).isTrue();
        assertThat(view.form.unitAmount.getErrorMessage()).startsWith("この寄付プランには既に寄付が登録されているため変更できません。");
        assertThat(context.getBean(GiftPlans.class).get(a.admin(), used.id()).orThrow().unitAmount()).isEqualTo(1000);

        _click(view.form.cancel);
        view.edit(row(view, "使用中プラン"));
        assertThat(view.publish.isVisible()).isTrue();
        assertThat(view.publish.getText()).isEqualTo("非公開にする");
        _click(view.publish);
        assertThat(view.message.getText()).startsWith("寄付プラン「使用中プラン」を非公開にしました。");
        assertThat(row(view, "使用中プラン").published()).isFalse();
        assertThat(publicPlanNames()).doesNotContain("使用中プラン");
        GiftView still = context.getBean(RecurringGifts.class).get(a.admin(), gift.id()).orThrow();
        assertThat(still.planName()).isEqualTo("使用中プラン");
        assertThat(still.status()).isEqualTo(gift.status());

        view.edit(row(view, "使用中プラン"));
        assertThat(view.publish.getText()).isEqualTo("公開する");
        _click(view.publish);
        assertThat(row(view, "使用中プラン").published()).isTrue();
        assertThat(publicPlanNames()).contains("使用中プラン");
    }

    @Test
    void another_tenants_plan_cannot_be_changed_through_the_screen() {
        PlanView other = context.getBean(GiftPlans.class).create(b.admin(), new PlanRequest("B のプラン", 300L, "monthly", null, true)).orThrow();
        signInAdmin("plan-edit-a");
        UI.getCurrent().navigate(GiftPlansView.class);
        GiftPlansView view = _get(GiftPlansView.class);
        assertThat(_findAll(view.grid)).extracting(PlanView::name).doesNotContain("B のプラン");
        view.togglePublished(other);
        view.edit(other);
        view.form.name.setValue("乗っ取り");
        _click(view.form.add);
        PlanView still = context.getBean(GiftPlans.class).get(b.admin(), other.id()).orThrow();
        assertThat(still.name()).isEqualTo("B のプラン");
        assertThat(still.published()).isTrue();
    }
}
