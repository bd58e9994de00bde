package org.hearth.app.compute;

import java.time.Duration;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hearth.compute.energy.ElectricityEstimate;
import org.hearth.compute.energy.ElectricityPrice;
import org.hearth.compute.provider.ProviderSettings;
import org.hearth.money.Amounts;

/** The price of a kWh and the device's power, and the estimate they give: power × time × price, said to be an estimate. */
final class ElectricityPane {

    private ElectricityPane() {
    }

    static Node create(ResourceBundle text, ComputeModel model, String symbol) {
        ComputeChoices c = model.choices;
        TextField price = new TextField(Amounts.format(c.price.get().unitsPerKwh(), ComputeChoices.TOKEN_DECIMALS));
        price.setId("electricity-price");
        price.setPrefColumnCount(8);
        Label priceError = new Label();
        priceError.setId("electricity-price-error");
        priceError.getStyleClass().add("danger");
        Runnable savePrice = () -> {
            try {
                c.price.set(ElectricityPrice.parse(price.getText(), ComputeChoices.TOKEN_DECIMALS));
                priceError.setText("");
            } catch (IllegalArgumentException e) {
                priceError.setText(text.getString("electricity.badPrice"));
            }
        };
        price.setOnAction(e -> savePrice.run());
        price.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                savePrice.run();
            }
        });
        HBox priceRow = new HBox(10, new Label(text.getString("electricity.price")), price,
                new Label(String.format(text.getString("electricity.perKwh"), symbol)), priceError);
        priceRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> watts = new Spinner<>(1, ProviderSettings.MAX_WATTS, c.powerWatts.get(), 5);
        watts.setId("electricity-watts");
        watts.setEditable(true);
        watts.setPrefWidth(100);
        watts.valueProperty().addListener((obs, was, is) -> c.powerWatts.set(is));
        HBox wattsRow = new HBox(10, new Label(text.getString("electricity.power")), watts, new Label(text.getString("unit.watts")));
        wattsRow.setAlignment(Pos.CENTER_LEFT);

        Label estimate = new Label();
        estimate.setId("electricity-estimate");
        estimate.setWrapText(true);
        estimate.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        estimate.textProperty().bind(Bindings.createStringBinding(() -> words(text, c.estimate.get(), symbol), c.estimate));
        Label how = new Label(text.getString("electricity.how"));
        Wrapped.muted(how);
        return new VBox(6, priceRow, wattsRow, estimate, how);
    }

    static String words(ResourceBundle text, ElectricityEstimate e, String symbol) {
        if (e == null) {
            return "";
        }
        Duration worked = Duration.ofMillis(e.runningMillis());
        return String.format(text.getString("electricity.estimate"), Amounts.formatGrouped(e.cost(), ComputeChoices.TOKEN_DECIMALS), symbol,
                e.wattHours(), worked.toHours(), worked.toMinutesPart());
    }
}
