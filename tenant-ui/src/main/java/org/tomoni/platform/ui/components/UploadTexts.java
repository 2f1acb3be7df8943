package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;
import java.util.function.Function;

/** The upload component's texts in the user's language (Vaadin ships English only). */
public final class UploadTexts {
    private UploadTexts() {
    }

    public static UploadI18N i18n(Function<String, String> t, String addKey) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply(addKey)).setMany(t.apply(addKey)));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("csv.upload.drop")).setMany(t.apply("csv.upload.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("csv.upload.tooMany")).setFileIsTooBig(t.apply("csv.upload.tooBig"))
            .setIncorrectFileType(t.apply("csv.upload.type")));
        i18n.setUploading(new UploadI18N.Uploading()
            .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("csv.upload.connecting")).setStalled(t.apply("csv.upload.stalled"))
                .setProcessing(t.apply("csv.upload.processing")).setHeld(""))
            .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t.apply("csv.upload.remaining")).setUnknown(""))
            .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t.apply("csv.upload.failed"))
                .setUnexpectedServerError(t.apply("csv.upload.failed")).setForbidden(t.apply("csv.upload.failed"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}
