// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether an analyst's SQL may run on the warehouse, with DuckDB's own parser rather than
 * patterns over the text: {@code json_serialize_sql} gives the syntax tree only of SELECT
 * statements (anything else, such as COPY, ATTACH, INSTALL, SET or INSERT, is an error), and the
 * guard walks every node of that tree. It lets through exactly one SELECT that reads the published
 * tables ({@link PublishedTables}) and its own WITH queries, calls only the functions listed in
 * {@code warehouse/sql-functions.txt}, and uses only the generators {@link #TABLE_FUNCTIONS} in
 * FROM; it refuses anything else, naming it. Every node is visited, not only the fields known
 * today, so a part of a query this code does not know about is still checked.
 */
final class QueryGuard {

  /** The only table functions allowed in FROM: they generate values and read nothing. */
  static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");

  private static final Set<String> EXPRESSIONS =
      Set.of(
          "BETWEEN",
          "CASE",
          "CAST",
          "COLLATE",
          "COLUMN_REF",
          "COMPARISON",
          "CONJUNCTION",
          "CONSTANT",
          "FUNCTION",
          "LAMBDA",
          "LAMBDA_REF",
          "OPERATOR",
          "POSITIONAL_REFERENCE",
          "STAR",
          "SUBQUERY",
          "TYPE",
          "WINDOW");
  private static final Set<String> QUERY_NODES =
      Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE");
  private static final Set<String> PLAIN_TABLE_REFS =
      Set.of("JOIN", "SUBQUERY", "EXPRESSION_LIST", "EMPTY", "PIVOT");
  private static final Set<String> OTHER_TABLE_REFS =
      Set.of("SHOW_REF", "COLUMN_DATA", "DELIM_GET", "BOUND_TABLE_REF", "CTE", "INVALID");
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FUNCTIONS = "/warehouse/sql-functions.txt";

  private final Set<String> functions;
  private final int maxLength;

  QueryGuard(int maxLength) {
    this(allowedFunctions(), maxLength);
  }

  QueryGuard(Set<String> functions, int maxLength) {
    this.functions = Set.copyOf(functions);
    this.maxLength = maxLength;
  }

  /** The functions analysts may call, from {@code warehouse/sql-functions.txt}. */
  static Set<String> allowedFunctions() {
    try (InputStream in = QueryGuard.class.getResourceAsStream(FUNCTIONS)) {
      Set<String> names = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + FUNCTIONS, e);
    }
  }

  /** Returns when {@code sql} may run on this warehouse connection; throws {@link SqlRefused}. */
  void check(Connection c, String sql) throws SQLException {
    if (sql == null || sql.isBlank()) {
      throw new SqlRefused("empty");
    }
    if (sql.length() > maxLength) {
      throw new SqlRefused("too-long", maxLength, sql.length());
    }
    JsonNode tree = parse(c, sql);
    if (tree.path("error").asBoolean(true)) {
      throw notASelect(tree, sql);
    }
    JsonNode statements = tree.path("statements");
    if (statements.isEmpty()) {
      throw new SqlRefused("empty");
    }
    if (statements.size() > 1) {
      throw new SqlRefused("several", statements.size());
    }
    new Walk(PublishedTables.names(c), PublishedTables.allNames(c))
        .visit(statements.get(0).path("node"));
  }

  private static JsonNode parse(Connection c, String sql) throws SQLException {
    String json;
    try (PreparedStatement p = c.prepareStatement("select json_serialize_sql(?)")) {
      p.setString(1, sql);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        json = rs.getString(1);
      }
    }
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      // Nested deeper than Jackson reads (hundreds of levels): no analyst's query is like that.
      throw new SqlRefused("too-deep");
    }
  }

  private static SqlRefused notASelect(JsonNode tree, String sql) {
    String message = tree.path("error_message").asString("");
    if ("parser".equals(tree.path("error_type").asString(""))) {
      return new SqlRefused(tree.path("position").asLong(-1), "syntax", message);
    }
    String keyword = firstKeyword(sql);
    if (keyword.equals("PIVOT") || keyword.equals("UNPIVOT")) {
      return new SqlRefused("pivot", keyword);
    }
    if (keyword.isEmpty()
        || Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE").contains(keyword)) {
      return new SqlRefused("not-only-select");
    }
    return new SqlRefused("statement", keyword);
  }

  /**
   * The first word of the text, past blanks, comments and brackets, in capitals: only to name a
   * refused statement in the message. What is refused was decided by the parser.
   */
  static String firstKeyword(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char ch = sql.charAt(i);
      if (Character.isWhitespace(ch) || ch == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  /** One walk over one statement's tree, with the WITH queries in scope at each node. */
  private final class Walk {

    private final Set<String> published;
    private final Set<String> tables;
    private final Deque<Set<String>> withQueries = new ArrayDeque<>();

    Walk(Set<String> published, Set<String> tables) {
      this.published = published;
      this.tables = tables;
    }

    void visit(JsonNode node) {
      if (node.isArray()) {
        for (JsonNode child : node) {
          visit(child);
        }
        return;
      }
      if (!node.isObject()) {
        return;
      }
      boolean scope = enterWithQueries(node);
      try {
        if (!checkNode(node)) {
          visitChildren(node, null);
        }
      } finally {
        if (scope) {
          withQueries.pop();
        }
      }
    }

    private void visitChildren(JsonNode node, String except) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!field.getKey().equals(except)) {
          visit(field.getValue());
        }
      }
    }

    /** Checks one node; true when it has visited its children itself. */
    private boolean checkNode(JsonNode node) {
      String expression = node.path("class").asString(null);
      String type = node.path("type").asString(null);
      if (expression != null) {
        checkExpression(node, expression);
        return false;
      }
      if (type == null || PLAIN_TABLE_REFS.contains(type)) {
        return false;
      }
      if (type.endsWith("_NODE") && !QUERY_NODES.contains(type)) {
        throw new SqlRefused("construct", type);
      }
      return switch (type) {
        case "BASE_TABLE" -> {
          checkTable(node);
          yield false;
        }
        case "TABLE_FUNCTION" -> {
          checkTableFunction(node);
          yield true;
        }
        case "SHOW_REF" -> throw new SqlRefused(location(node), "show");
        default -> {
          if (OTHER_TABLE_REFS.contains(type)) {
            throw new SqlRefused(location(node), "construct", type);
          }
          yield false;
        }
      };
    }

    private boolean enterWithQueries(JsonNode node) {
      JsonNode map = node.path("cte_map").path("map");
      if (!map.isArray() || map.isEmpty()) {
        return false;
      }
      Set<String> names = new HashSet<>();
      for (JsonNode entry : map) {
        String name = entry.path("key").asString("").toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches() || tables.contains(name)) {
          throw new SqlRefused("with-name", entry.path("key").asString(""));
        }
        names.add(name);
      }
      withQueries.push(names);
      return true;
    }

    private void checkExpression(JsonNode node, String expression) {
      if (expression.equals("PARAMETER")) {
        throw new SqlRefused(location(node), "parameter");
      }
      if (!EXPRESSIONS.contains(expression)) {
        throw new SqlRefused(location(node), "construct", expression);
      }
      if (expression.equals("FUNCTION") || expression.equals("WINDOW")) {
        String name = functionName(node);
        if (!functions.contains(name)) {
          throw new SqlRefused(location(node), "function", name);
        }
      }
    }

    private String functionName(JsonNode function) {
      String name = function.path("function_name").asString("");
      if (!function.path("schema").asString("").isEmpty()
          || !function.path("catalog").asString("").isEmpty()) {
        throw new SqlRefused(location(function), "qualified-function", name);
      }
      return name.toLowerCase(Locale.ROOT);
    }

    private void checkTable(JsonNode table) {
      String name = table.path("table_name").asString("");
      String lower = name.toLowerCase(Locale.ROOT);
      String schema = table.path("schema_name").asString("");
      if (!table.path("catalog_name").asString("").isEmpty()
          || !(schema.isEmpty() || schema.equalsIgnoreCase("main"))) {
        throw new SqlRefused(location(table), "qualified-table", name);
      }
      boolean withQuery = schema.isEmpty() && withQueries.stream().anyMatch(s -> s.contains(lower));
      if (!withQuery && !published.contains(lower)) {
        throw new SqlRefused(location(table), "table", name);
      }
    }

    private void checkTableFunction(JsonNode ref) {
      JsonNode function = ref.path("function");
      String name = functionName(function);
      if (!TABLE_FUNCTIONS.contains(name)) {
        throw new SqlRefused(location(ref), "table-function", name);
      }
      visit(function.path("arguments"));
      visitChildren(ref, "function");
    }

    private long location(JsonNode node) {
      JsonNode at = node.path("query_location");
      return at.canConvertToLong() ? at.longValue() : -1; // unknown is 2^64 - 1
    }
  }
}
