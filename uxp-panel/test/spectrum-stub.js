// SPDX-License-Identifier: Apache-2.0
// Test-only stand-ins for Photoshop's built-in Spectrum widgets (sp-*), so index.html renders in headless
// Chromium. They mimic the dark theme's look and the properties the panel uses (value, checked,
// selectedIndex, disabled); they are never shipped.
(function defineSpectrumStubs() {
  "use strict";

  const FONT = "'Adobe Clean', 'Source Sans Pro', 'Liberation Sans', Arial, sans-serif";
  const css = {
    base: ":host{box-sizing:border-box;font-family:" + FONT + ";color:#d8d8d8}:host([disabled]){pointer-events:none}",
  };

  document.addEventListener("DOMContentLoaded", () => {
    const page = document.createElement("style");
    page.textContent = "body{font-family:" + FONT + ";-webkit-font-smoothing:antialiased}";
    document.head.appendChild(page);
  });

  function define(name, style, template, extra) {
    class Stub extends HTMLElement {
      static get observedAttributes() {
        return ["disabled", "checked", "value", "selected", "variant", "type", "placeholder"];
      }
      constructor() {
        super();
        this.attachShadow({ mode: "open" }).innerHTML = "<style>" + css.base + style + "</style>" + template;
      }
      connectedCallback() {
        if (this.update) this.update();
      }
      attributeChangedCallback() {
        if (this.update) this.update();
      }
    }
    if (extra) extra(Stub.prototype);
    customElements.define(name, Stub);
  }

  define("sp-body", ":host{display:inline-block;font-size:12px;line-height:1.4}:host([size=S]){font-size:11.5px}", "<slot></slot>");
  define("sp-detail", ":host{display:inline-block;font-size:11px;color:#a8a8a8;line-height:1.35}", "<slot></slot>");
  define("sp-label", ":host{display:block;font-size:11px;color:#b8b8b8;margin-bottom:4px}", "<slot></slot>");
  define("sp-heading", ":host{display:block;font-size:13px;font-weight:700;color:#eaeaea;margin:0 0 4px}", "<slot></slot>");
  define("sp-divider", ":host{display:block;height:1px;background:#474747}", "");
  define("sp-menu", ":host{display:none}", "<slot></slot>");
  define("sp-menu-item", ":host{display:none}", "<slot></slot>");

  define(
    "sp-button",
    ":host{display:inline-flex;align-items:center;justify-content:center;height:24px;padding:0 14px;border-radius:12px;" +
      "font-size:12px;font-weight:700;border:2px solid #b8b8b8;color:#e8e8e8;cursor:default}" +
      ":host([variant=cta]){background:#1473e6;border-color:#1473e6;color:#fff}" +
      ":host([disabled]){background:transparent;border-color:#4e4e4e;color:#6e6e6e}" +
      ":host([variant=cta][disabled]){background:#3f3f3f;border-color:#3f3f3f;color:#737373}",
    "<slot></slot>"
  );

  define(
    "sp-action-button",
    ":host{display:inline-flex;align-items:center;height:22px;padding:0 8px;border-radius:4px;font-size:11.5px;color:#cfcfcf}",
    "<slot></slot>"
  );

  define(
    "sp-textfield",
    ":host{display:inline-block}input{box-sizing:border-box;width:100%;height:24px;padding:0 7px;font:12px " + FONT + ";" +
      "color:#e8e8e8;background:#1d1d1d;border:1px solid #4c4c4c;border-radius:4px;outline:none}input::placeholder{color:#777}",
    "<input>",
    (proto) => {
      Object.defineProperty(proto, "value", {
        get() { return this.shadowRoot.querySelector("input").value; },
        set(v) { this.shadowRoot.querySelector("input").value = v; },
      });
      proto.update = function () {
        const input = this.shadowRoot.querySelector("input");
        input.type = this.getAttribute("type") === "password" ? "password" : "text";
        input.placeholder = this.getAttribute("placeholder") || "";
        input.disabled = this.hasAttribute("disabled");
      };
    }
  );

  define(
    "sp-picker",
    ":host{display:block}.box{display:flex;align-items:center;height:24px;padding:0 8px;background:#1d1d1d;border:1px solid #4c4c4c;" +
      "border-radius:4px;font-size:12px;color:#e8e8e8}.text{flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
      ".chev{width:6px;height:6px;border-right:1.5px solid #bdbdbd;border-bottom:1.5px solid #bdbdbd;transform:rotate(45deg);margin:-3px 2px 0 8px}" +
      ":host([disabled]) .box{color:#6e6e6e;border-color:#3d3d3d}:host([disabled]) .chev{border-color:#5e5e5e}",
    "<div class='box'><span class='text'></span><span class='chev'></span></div><slot></slot>",
    (proto) => {
      Object.defineProperty(proto, "selectedIndex", {
        get() { return Array.from(this.querySelectorAll("sp-menu-item")).findIndex((i) => i.hasAttribute("selected")); },
        set(n) { Array.from(this.querySelectorAll("sp-menu-item")).forEach((item, i) => item.toggleAttribute("selected", i === n)); this.update(); },
      });
      proto.update = function () {
        const item = this.querySelector("sp-menu-item[selected]");
        this.shadowRoot.querySelector(".text").textContent = item ? item.textContent.trim() : "";
      };
      proto.connectedCallback = function () {
        new MutationObserver(() => this.update()).observe(this, { subtree: true, childList: true, attributes: true, characterData: true });
        this.update();
      };
    }
  );

  define(
    "sp-checkbox",
    ":host{display:inline-flex;align-items:center;font-size:12px;height:24px}.box{width:12px;height:12px;border:2px solid #b8b8b8;border-radius:2px;" +
      "margin-right:8px;position:relative}:host([checked]) .box{background:#d8d8d8;border-color:#d8d8d8}" +
      ":host([checked]) .box:after{content:'';position:absolute;left:3.5px;top:0.5px;width:3px;height:7px;border:solid #1d1d1d;border-width:0 2px 2px 0;transform:rotate(45deg)}" +
      ":host([disabled]){color:#6e6e6e}:host([disabled]) .box{border-color:#5a5a5a}:host([disabled][checked]) .box{background:#5a5a5a}",
    "<span class='box'></span><slot></slot>",
    (proto) => {
      Object.defineProperty(proto, "checked", {
        get() { return this.hasAttribute("checked"); },
        set(v) { this.toggleAttribute("checked", Boolean(v)); },
      });
    }
  );

  define(
    "sp-slider",
    ":host{display:block}.head{display:flex;justify-content:space-between;font-size:11px;color:#b8b8b8;margin-bottom:2px}" +
      ".track{position:relative;height:2px;background:#5a5a5a;margin:9px 7px}.fill{position:absolute;left:0;top:0;height:2px;background:#c8c8c8}" +
      ".handle{position:absolute;top:-7px;width:12px;height:12px;margin-left:-8px;border:2px solid #c8c8c8;border-radius:50%;background:#323232}" +
      ":host([disabled]) .head{color:#6a6a6a}:host([disabled]) .fill{background:#5a5a5a}:host([disabled]) .handle{border-color:#5a5a5a}",
    "<div class='head'><slot name='label'></slot><span class='val'></span></div><div class='track'><div class='fill'></div><div class='handle'></div></div>",
    (proto) => {
      Object.defineProperty(proto, "value", {
        get() { return Number(this.getAttribute("value")); },
        set(v) { this.setAttribute("value", String(v)); },
      });
      proto.update = function () {
        const min = Number(this.getAttribute("min") || 0);
        const max = Number(this.getAttribute("max") || 100);
        const pct = ((this.value - min) / (max - min)) * 100;
        this.shadowRoot.querySelector(".fill").style.width = pct + "%";
        this.shadowRoot.querySelector(".handle").style.left = pct + "%";
        this.shadowRoot.querySelector(".val").textContent = this.value + (this.getAttribute("value-label") || "");
      };
    }
  );

  define(
    "sp-progressbar",
    ":host{display:block}.head{display:flex;justify-content:space-between;font-size:11px;color:#b8b8b8;margin-bottom:4px}" +
      ".track{height:4px;border-radius:2px;background:#4a4a4a;overflow:hidden}.fill{height:4px;background:#378ef0}",
    "<div class='head'><slot name='label'></slot><span class='val'></span></div><div class='track'><div class='fill'></div></div>",
    (proto) => {
      Object.defineProperty(proto, "value", {
        get() { return Number(this.getAttribute("value") || 0); },
        set(v) { this.setAttribute("value", String(v)); },
      });
      proto.update = function () {
        this.shadowRoot.querySelector(".fill").style.width = this.value + "%";
        this.shadowRoot.querySelector(".val").textContent = this.value + "%";
      };
    }
  );
})();
