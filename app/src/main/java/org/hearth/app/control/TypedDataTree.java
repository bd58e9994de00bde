package org.hearth.app.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * EIP-712 typed data as a readable tree before signing: the domain (who asks, on which chain and
 * contract) and the message under its primary type, fields in the order the types declare them.
 */
public final class TypedDataTree extends TreeView<String> {

    private static final int MAX_NODES = 2_000;
    private static final int MAX_DEPTH = 16;
    private int nodes;

    public TypedDataTree(JsonNode typedData) {
        TreeItem<String> root = new TreeItem<>(typedData.path("primaryType").asText("?"));
        root.getChildren().add(branch("domain", typedData.path("domain"), typedData.path("types"), "EIP712Domain", 0));
        root.getChildren().add(branch("message", typedData.path("message"), typedData.path("types"),
                typedData.path("primaryType").asText(), 0));
        root.setExpanded(true);
        setRoot(root);
        setShowRoot(true);
        setId("typed-data-tree");
    }

    private TreeItem<String> branch(String name, JsonNode value, JsonNode types, String typeName, int depth) {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            return new TreeItem<>(name + ": … (too large to show)");
        }
        if (value.isObject()) {
            TreeItem<String> item = new TreeItem<>(name + (typeName == null ? "" : " (" + typeName + ")"));
            JsonNode fields = typeName == null ? null : types.path(typeName);
            if (fields != null && fields.isArray() && !fields.isEmpty()) {
                for (JsonNode field : fields) {
                    String fieldName = field.path("name").asText();
                    String fieldType = field.path("type").asText();
                    item.getChildren().add(branch(fieldName, value.path(fieldName), types, baseType(types, fieldType), depth + 1));
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    item.getChildren().add(branch(e.getKey(), e.getValue(), types, null, depth + 1));
                }
            }
            item.setExpanded(depth < 3);
            return item;
        }
        if (value.isArray()) {
            TreeItem<String> item = new TreeItem<>(name + " [" + value.size() + "]");
            for (int i = 0; i < value.size(); i++) {
                item.getChildren().add(branch(name + "[" + i + "]", value.get(i), types, typeName, depth + 1));
            }
            item.setExpanded(depth < 3);
            return item;
        }
        return new TreeItem<>(name + ": " + (value.isMissingNode() ? "(missing)" : value.asText()));
    }

    /** The struct type named by a field type, without array brackets; null for atomic types. */
    private static String baseType(JsonNode types, String fieldType) {
        String base = fieldType.replaceAll("\\[\\d*]$", "");
        return types.has(base) ? base : null;
    }
}
