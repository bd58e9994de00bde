package org.hearth.app.compute;

import java.io.File;
import java.math.BigInteger;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.hearth.app.control.Labels;
import org.hearth.app.desktop.Messages;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Screen;
import org.hearth.compute.blob.JobManifest;
import org.hearth.market.requester.JobOutcome;
import org.hearth.money.Amounts;

/** Requests: post a render of a built-in scene or a scene file, watch its tiles arrive marked verified or disputed, save the image as PNG. */
final class RequestsPane {

    private RequestsPane() {
    }

    static Node create(ResourceBundle text, RequestsModel model, MarketShareModel market, Navigator<Screen> navigator) {
        SceneChoice scene = new SceneChoice(text);
        Spinner<Integer> width = new Spinner<>(16, 1024, 96, 16);
        width.setId("requests-width");
        Spinner<Integer> height = new Spinner<>(16, 1024, 64, 16);
        height.setId("requests-height");
        Spinner<Integer> tiles = new Spinner<>(1, 64, 2);
        tiles.setId("requests-tiles");
        Spinner<Integer> samples = new Spinner<>(1, 256, 8);
        samples.setId("requests-samples");
        for (Spinner<Integer> s : java.util.List.of(width, height, tiles, samples)) {
            s.setPrefWidth(90);
            s.setEditable(true);
        }
        TextField price = new TextField("2");
        price.setId("requests-price");
        price.setPrefColumnCount(6);
        ComboBox<String> from = new ComboBox<>();
        from.setId("requests-from");
        Runnable fill = () -> from.getItems().setAll(market.wallet().accounts.stream().map(a -> a.address()).toList());
        market.wallet().accounts.addListener((javafx.collections.ListChangeListener<org.hearth.wallet.vault.VaultAccount>) c -> fill.run());
        fill.run();
        Button post = new Button(text.getString("requests.post"));
        post.setId("requests-post");
        post.disableProperty().bind(model.busy.or(from.valueProperty().isNull()));
        post.setOnAction(e -> {
            try {
                BigInteger total = Amounts.parse(price.getText(), ComputeChoices.TOKEN_DECIMALS);
                model.postRender(from.getValue(), scene.json(), width.getValue(), height.getValue(), samples.getValue(),
                        tiles.getValue(), total, new RequestGate(text, navigator));
            } catch (SceneChoice.Unusable unusable) {
                model.status.set(unusable.getMessage());
            } catch (RuntimeException failure) {
                model.status.set(Messages.describe(failure));
            }
        });
        HBox row1 = new HBox(10, new Label(text.getString("requests.from")), from, new Label(text.getString("requests.scene")), scene.scene);
        HBox row2 = new HBox(10, new Label(text.getString("requests.size")), width, new Label(text.getString("requests.by")), height,
                new Label(text.getString("requests.tiles")), tiles, new Label(text.getString("requests.samples")), samples);
        HBox row3 = new HBox(10, new Label(text.getString("requests.price")), price, new Label(ComputeView.TOKEN_SYMBOL), post);
        for (HBox r : java.util.List.of(row1, row2, row3)) {
            r.setAlignment(Pos.CENTER_LEFT);
        }
        Label status = Wrapped.muted(new Label());
        status.setId("requests-status");
        status.textProperty().bind(model.status);

        Canvas canvas = new Canvas(1, 1);
        canvas.setId("requests-canvas");
        model.size.addListener((obs, was, is) -> {
            if (is != null) {
                canvas.setWidth(is[0] * 2.0);
                canvas.setHeight(is[1] * 2.0);
                GraphicsContext g = canvas.getGraphicsContext2D();
                g.setFill(Color.gray(0.2));
                g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            }
        });
        model.postedTiles.addListener((obs, was, posted) -> posted.forEach(t -> outlineWaiting(canvas.getGraphicsContext2D(), t.manifest())));
        model.lastTile.addListener((obs, was, tile) -> {
            if (tile != null) {
                paint(canvas.getGraphicsContext2D(), tile);
            }
        });
        Button save = new Button(text.getString("requests.save"));
        save.setId("requests-save");
        save.setDisable(true);
        model.busy.addListener((obs, was, is) -> save.setDisable(!model.complete()));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("render.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            File file = chooser.showSaveDialog(save.getScene().getWindow());
            if (file != null) {
                try {
                    model.savePng(file.toPath());
                    model.status.set(String.format(text.getString("requests.saved"), file));
                } catch (java.io.IOException | RuntimeException failure) {
                    model.status.set(Messages.describe(failure));
                }
            }
        });
        Label legend = Wrapped.muted(new Label(text.getString("requests.legend")));
        Node gemm = GemmRequestPane.create(text, model, from::getValue, () -> new RequestGate(text, navigator));
        return new VBox(10, row1, Labels.section(text.getString("requests.reviewTitle")), ManualReviewPane.create(text, model),
                Labels.section(text.getString("requests.renderTitle")), scene.fileRow, row2, row3, status, canvas, legend, save,
                Labels.section(text.getString("requests.gemmTitle")), gemm);
    }

    /** A posted tile not yet back: a dashed outline on the empty canvas, so the user sees how the image is cut up and what is still out. */
    private static void outlineWaiting(GraphicsContext g, JobManifest manifest) {
        if (!(manifest instanceof JobManifest.Render r)) {
            return;
        }
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeRect(r.tileX() * 2.0 + 1.5, r.tileY() * 2.0 + 1.5, r.tileW() * 2.0 - 3, r.tileH() * 2.0 - 3);
        g.setLineDashes((double[]) null);
    }

    /** The tile's pixels at twice their size, framed green when verified and accepted, red and crossed when disputed. */
    private static void paint(GraphicsContext g, RequestsModel.TileState tile) {
        if (!(tile.job().manifest() instanceof JobManifest.Render r)) {
            return;
        }
        float[] rgb = RequestsModel.rgb(tile);
        if (rgb != null) {
            for (int y = 0; y < r.tileH(); y++) {
                for (int x = 0; x < r.tileW(); x++) {
                    int i = (y * r.tileW() + x) * 3;
                    g.setFill(Color.color(tone(rgb[i]), tone(rgb[i + 1]), tone(rgb[i + 2])));
                    g.fillRect((r.tileX() + x) * 2.0, (r.tileY() + y) * 2.0, 2, 2);
                }
            }
        }
        boolean ok = tile.outcome().status() == JobOutcome.Status.ACCEPTED;
        g.setStroke(ok ? Color.LIMEGREEN : Color.CRIMSON);
        g.setLineWidth(2);
        double x0 = r.tileX() * 2.0 + 1;
        double y0 = r.tileY() * 2.0 + 1;
        double w = r.tileW() * 2.0 - 2;
        double h = r.tileH() * 2.0 - 2;
        g.strokeRect(x0, y0, w, h);
        if (!ok) {
            g.strokeLine(x0, y0, x0 + w, y0 + h);
            g.strokeLine(x0 + w, y0, x0, y0 + h);
        }
    }

    private static double tone(float linear) {
        double v = Float.isFinite(linear) ? Math.max(0, Math.min(1, linear)) : 0;
        return Math.pow(v, 1 / 2.2);
    }
}
