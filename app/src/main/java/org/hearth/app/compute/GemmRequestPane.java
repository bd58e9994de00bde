package org.hearth.app.compute;

import java.io.File;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hearth.app.desktop.Messages;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.TxGate;
import org.hearth.money.Amounts;

/** A matrix product from files (raw little-endian f32, row-major): A m×k and B k×n in, C m×n saved once verified and accepted. */
final class GemmRequestPane {

    private GemmRequestPane() {
    }

    static Node create(ResourceBundle text, RequestsModel model, Supplier<String> account, Supplier<TxGate> gate) {
        TextField a = file(text, "a");
        TextField b = file(text, "b");
        Spinner<Integer> m = size("m");
        Spinner<Integer> k = size("k");
        Spinner<Integer> n = size("n");
        TextField price = new TextField("1");
        price.setId("gemm-price");
        price.setPrefColumnCount(6);
        Button post = new Button(text.getString("requests.postGemm"));
        post.setId("gemm-post");
        post.disableProperty().bind(model.busy);
        post.setOnAction(e -> {
            try {
                model.postGemm(account.get(), Path.of(a.getText().strip()), Path.of(b.getText().strip()), m.getValue(), k.getValue(), n.getValue(),
                        Amounts.parse(price.getText(), ComputeChoices.TOKEN_DECIMALS), gate.get());
            } catch (RuntimeException failure) {
                model.status.set(Messages.describe(failure));
            }
        });
        Button save = new Button(text.getString("requests.saveGemm"));
        save.setId("gemm-save");
        save.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.gemmOutcome.get() == null
                || model.gemmOutcome.get().status() != JobOutcome.Status.ACCEPTED, model.gemmOutcome));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("c.f32");
            File file = chooser.showSaveDialog(save.getScene().getWindow());
            if (file != null) {
                try {
                    model.saveGemm(file.toPath());
                    model.status.set(String.format(text.getString("requests.saved"), file));
                } catch (java.io.IOException | RuntimeException failure) {
                    model.status.set(Messages.describe(failure));
                }
            }
        });
        HBox files = new HBox(10, new Label(text.getString("requests.gemmA")), a, browse(text, a), new Label(text.getString("requests.gemmB")), b,
                browse(text, b));
        HBox dims = new HBox(10, new Label(text.getString("requests.dim.m")), m, new Label(text.getString("requests.dim.k")), k,
                new Label(text.getString("requests.dim.n")), n);
        HBox pay = new HBox(10, new Label(text.getString("requests.price")), price, new Label(ComputeView.TOKEN_SYMBOL), post, save);
        for (HBox row : java.util.List.of(files, dims, pay)) {
            row.setAlignment(Pos.CENTER_LEFT);
        }
        return new VBox(8, files, dims, pay, Wrapped.muted(new Label(text.getString("requests.gemmFormat"))));
    }

    private static TextField file(ResourceBundle text, String which) {
        TextField f = new TextField();
        f.setId("gemm-" + which);
        f.setPrefColumnCount(18);
        return f;
    }

    private static Button browse(ResourceBundle text, TextField target) {
        Button choose = new Button(text.getString("requests.choose"));
        choose.setOnAction(e -> {
            File file = new FileChooser().showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                target.setText(file.toString());
            }
        });
        return choose;
    }

    private static Spinner<Integer> size(String which) {
        Spinner<Integer> s = new Spinner<>(1, 4096, 32);
        s.setId("gemm-" + which);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }
}
