// The peer a retailer would otherwise pick: the same AddItem skill written with the official
// ASK SDK for Node.js (ask-sdk-core + ask-sdk-express-adapter on express), storing the shopping
// list durably in SQLite (better-sqlite3, WAL, synchronous=FULL: one fsync per change, like
// Chariot). Signature and timestamp verification are off, as in Chariot's benchmark run
// (CHARIOT_ALEXA_VERIFY=off), so both sides do the same work.
//
// Usage: node index.js PORT DB_PATH   (listens on 127.0.0.1; prints "listening on ...")
'use strict';

const Alexa = require('ask-sdk-core');
const { ExpressAdapter } = require('ask-sdk-express-adapter');
const Database = require('better-sqlite3');
const express = require('express');

const port = Number(process.argv[2] || 8090);
const dbPath = process.argv[3] || 'ask-peer.db';

const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS list_items(
  user_id TEXT NOT NULL, sku TEXT NOT NULL, quantity REAL NOT NULL, unit TEXT,
  updated_at INTEGER NOT NULL, PRIMARY KEY(user_id, sku))`);
const upsert = db.prepare(`INSERT INTO list_items(user_id, sku, quantity, unit, updated_at)
  VALUES(?, ?, ?, ?, ?) ON CONFLICT(user_id, sku) DO UPDATE SET
  quantity = quantity + excluded.quantity, unit = excluded.unit, updated_at = excluded.updated_at`);

// The resolved id of an ER_SUCCESS_MATCH, else the value said.
function slotCode(slot) {
  if (!slot) return undefined;
  const authorities = (slot.resolutions && slot.resolutions.resolutionsPerAuthority) || [];
  for (const authority of authorities) {
    if (authority.status && authority.status.code === 'ER_SUCCESS_MATCH' && authority.values.length) {
      return authority.values[0].value.id;
    }
  }
  return slot.value;
}

function escapeSsml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;',
    '"': '&quot;', "'": '&apos;'}[c]));
}

const LaunchHandler = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => input.responseBuilder
      .speak('Bonjour ! Que voulez-vous ajouter à votre liste ?')
      .reprompt('Que voulez-vous ajouter ?').getResponse(),
};

const AddItemHandler = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      Alexa.getIntentName(input.requestEnvelope) === 'AddItem',
  handle: (input) => {
    const slots = input.requestEnvelope.request.intent.slots || {};
    const product = slots.product && slots.product.value;
    if (!product) {
      return input.responseBuilder.speak('Que voulez-vous ajouter ?')
          .reprompt('Que voulez-vous ajouter ?').getResponse();
    }
    const sku = slotCode(slots.product);
    const quantity = Number(slots.quantity && slots.quantity.value) || 1;
    const unit = slotCode(slots.unit) || null;
    const userId = Alexa.getUserId(input.requestEnvelope);
    upsert.run(userId, sku, quantity, unit, Date.now());
    const attributes = input.attributesManager.getSessionAttributes();
    attributes.lastAdded = sku;
    input.attributesManager.setSessionAttributes(attributes);
    const said = `J'ajoute ${quantity} ${unit || ''} de ${product}. Autre chose ?`;
    return input.responseBuilder.speak(escapeSsml(said)).reprompt('Autre chose ?').getResponse();
  },
};

const FallbackHandler = {
  canHandle: () => true,
  handle: (input) => input.responseBuilder.speak('Je n\'ai pas compris.')
      .reprompt('Pouvez-vous répéter ?').getResponse(),
};

const ErrorHandler = {
  canHandle: () => true,
  handle: (input) => input.responseBuilder.speak('Désolé, un problème est survenu.').getResponse(),
};

const skill = Alexa.SkillBuilders.custom()
    .addRequestHandlers(LaunchHandler, AddItemHandler, FallbackHandler)
    .addErrorHandlers(ErrorHandler)
    .create();

const app = express();
// verifySignature=false, verifyTimeStamp=false: the benchmark sends no signatures.
app.post('/alexa', new ExpressAdapter(skill, false, false).getRequestHandlers());
const server = app.listen(port, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
server.keepAliveTimeout = 5000;
process.on('SIGTERM', () => server.close(() => { db.close(); process.exit(0); }));
