/**
 * @jest-environment node
 */
// The hand-written HTTP bindings against the AWS SDK's generated schemas (static schema arrays) of the
// installed SDK version: same operations, method, path, bearer header, idempotency token and body members
// in model order, and no binding the protocol does not send.
import * as sdk from '@aws-sdk/client-connectparticipant';
import { type BodyMember, type OperationBinding, OPERATION_BINDINGS } from '../../../src/client/operationBindings';

type Traits = Record<string, unknown>;
const OPERATION = 9;
const STRUCTURE = 3;
/** Bits of a numeric trait indicator, lowest first (as @smithy/core's schemas number them). */
const TRAIT_BITS = ['httpLabel', 'idempotent', 'idempotencyToken', 'sensitive', 'httpPayload', 'httpResponseCode', 'httpQueryParams'];
const deref = (ref: unknown): unknown => (typeof ref === 'function' ? (ref as () => unknown)() : ref);

function traitsOf(indicator: unknown): Traits {
  if (typeof indicator === 'object' && indicator !== null) return indicator as Traits;
  return Object.fromEntries(TRAIT_BITS.filter((_, bit) => (Number(indicator) >> bit) & 1).map((name) => [name, 1]));
}

/** A structure's members in model order with their target schema and traits; [] for a non-structure. */
function membersOf(ref: unknown): Array<[string, unknown, Traits]> {
  const schema = deref(ref);
  if (!Array.isArray(schema) || schema[0] !== STRUCTURE) return [];
  return (schema[4] as string[]).map((name, index) => {
    const target = (schema[5] as unknown[])[index];
    const [targetRef, traits] = Array.isArray(target) && target.length === 2 ? target : [target, 0];
    return [name, targetRef, traitsOf(traits)];
  });
}

/** The binding the SDK model gives an operation, in the table's terms. */
function bindingFromModel(operation: unknown[]): OperationBinding {
  const [method, path] = traitsOf(operation[3]).http as [OperationBinding['method'], string];
  const binding: OperationBinding = { method, path, bearer: '', body: [] };
  const body: BodyMember[] = [];
  for (const [name, target, traits] of membersOf(operation[4])) {
    const other = Object.keys(traits).filter((trait) => !['httpHeader', 'httpLabel', 'idempotencyToken'].includes(trait));
    expect({ name, other }).toEqual({ name, other: [] });
    if (traits.httpHeader !== undefined) {
      expect(traits.httpHeader).toBe('X-Amz-Bearer');
      binding.bearer = name;
    } else if (traits.httpLabel !== undefined) {
      expect(path).toContain(`{${name}}`);
    } else {
      const nested = membersOf(target);
      nested.forEach(([, , memberTraits]) => expect(memberTraits).toEqual({}));
      body.push(nested.length > 0 ? [name, nested.map(([member]) => member)] : name);
      if (traits.idempotencyToken !== undefined) binding.idempotencyToken = name;
    }
  }
  return { ...binding, body };
}

const modelOperations = (Object.values(sdk) as unknown[]).filter((value): value is unknown[] => Array.isArray(value) && value[0] === OPERATION);

it('covers exactly the operations of the SDK model', () => {
  expect(Object.keys(OPERATION_BINDINGS).sort()).toEqual(modelOperations.map((operation) => operation[2]).sort());
});

it.each(modelOperations.map((operation) => [operation[2] as string, operation]))('%s matches the SDK model', (name, operation) => {
  const { idempotencyToken, ...rest } = bindingFromModel(operation);
  expect(OPERATION_BINDINGS[name]).toEqual(idempotencyToken ? { ...rest, idempotencyToken } : rest);
});
