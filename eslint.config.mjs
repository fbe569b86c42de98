// Lints the site's own scripts (book/_static/lab-*.js): plain browser scripts, no build step.
// The partial plotly.js bundle is generated (tools/plotly_bundle) and not linted.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["book/_static/plotly-lab.min.js", "_build/**", "**/node_modules/**"] },
  js.configs.recommended,
  {
    files: ["book/_static/lab-*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "no-var": "off",
      eqeqeq: "error",
      "no-implicit-globals": "error",
      strict: ["error", "function"],
    },
  },
];
